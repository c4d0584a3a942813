package org.mailroom.delivery;

/** What delivery needs from an SMTP client: connections kept open and used for many messages. */
public interface Mailer {
    /** Opens and greets a connection (EHLO, STARTTLS, AUTH as configured). */
    Connection connect() throws RelayUnreachableException;

    /** One open SMTP session; not thread-safe, one per sender thread. */
    interface Connection extends AutoCloseable {
        /** Sends one message (already complete MIME bytes) to one recipient; never throws for SMTP or I/O failures. */
        SmtpReply send(String recipient, byte[] message);

        /**
         * Names the recipient of the next {@link #send} (null: none follows), so that a pipelining client can put that
         * envelope behind this message's end of data (RFC 2920) instead of waiting a round trip for it. A hint: the
         * next send must then be to exactly that recipient, or the connection is given up (closed unsent).
         */
        default void next(String recipient) {}

        boolean isOpen();

        @Override
        void close();
    }
}
