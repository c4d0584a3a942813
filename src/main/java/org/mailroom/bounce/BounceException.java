package org.mailroom.bounce;

import org.mailroom.MailroomException;

/** A bounce mailbox or report could not be read; the message names the mailbox (without its password). */
public final class BounceException extends MailroomException {
    public BounceException(String message) {
        super(message);
    }

    public BounceException(String message, Throwable cause) {
        super(message, cause);
    }
}
