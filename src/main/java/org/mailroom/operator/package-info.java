/** What operators and readers read: the delivery log searched, sends per minute, counts for /metrics, the public archive, a subscriber's history. */
package org.mailroom.operator;
