/** Bounces and complaints: reports read from a mailbox or a webhook, turned into subscriber status changes. */
package org.mailroom.bounce;
