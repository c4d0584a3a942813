/** SMTP relay settings, the embedded SMTP server of the default setup, and single-message sending. */
package org.mailroom.smtp;
