/** The list: subscribers and their consent, signed tokens, double opt-in, unsubscribe, import and export. */
package org.mailroom.subscriber;
