package org.mailroom;

/**
 * An error the user can act on: bad input, bad configuration, an unreachable server.
 * The command line prints its message as one line and exits 1; the web layer maps it to a 4xx page.
 * Messages name the thing and the place ("issue 578.md, line 212: ...").
 */
public class MailroomException extends RuntimeException {
    public MailroomException(String message) {
        super(message);
    }

    public MailroomException(String message, Throwable cause) {
        super(message, cause);
    }
}
