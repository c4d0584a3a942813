package org.mailroom.issue.inline;

import org.mailroom.MailroomException;

/** An HTML document the inliner cannot take (missing, unreadable, not UTF-8); the message names the file. */
public final class InlineException extends MailroomException {
    public InlineException(String message) {
        super(message);
    }
}
