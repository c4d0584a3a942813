package org.mailroom.subscriber;

import org.mailroom.MailroomException;

/**
 * The subscriber feature's one error: bad input from a reader or a file, a link that is not valid,
 * too many requests. The web layer maps the kind to a status code and page; the command line prints the message.
 */
public final class SubscriberException extends MailroomException {
    public enum Kind { INVALID_INPUT, INVALID_LINK, RATE_LIMITED }

    private final Kind kind;

    public SubscriberException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static SubscriberException invalidInput(String message) {
        return new SubscriberException(Kind.INVALID_INPUT, message);
    }

    static SubscriberException invalidLink(String message) {
        return new SubscriberException(Kind.INVALID_LINK, message);
    }
}
