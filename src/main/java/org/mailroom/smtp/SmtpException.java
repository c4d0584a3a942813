package org.mailroom.smtp;

import org.mailroom.MailroomException;

/** The SMTP module's one error: a message that could not be sent, an embedded server that could not start. */
public final class SmtpException extends MailroomException {
    public SmtpException(String message) {
        super(message);
    }

    public SmtpException(String message, Throwable cause) {
        super(message, cause);
    }
}
