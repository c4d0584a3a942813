/** The MIME message of a campaign: encoded once, personalised per reader by splicing a few values into prepared bytes, DKIM-signed when configured. */
package org.mailroom.message;
