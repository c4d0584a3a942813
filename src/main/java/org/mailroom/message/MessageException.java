package org.mailroom.message;

import org.mailroom.MailroomException;

/** A message could not be built: a header value with CR or LF, an address that does not parse. */
public final class MessageException extends MailroomException {
    public MessageException(String message) {
        super(message);
    }

    public MessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
