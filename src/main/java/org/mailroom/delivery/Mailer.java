package org.mailroom.delivery;

/** What delivery needs from an SMTP client: connections kept open and used for many messages. */
public interface Mailer {
    /** Opens and greets a connection (EHLO, STARTTLS, AUTH as configured). */
    Connection connect() throws RelayUnreachableException;

    /** One open SMTP session; not thread-safe, one per sender thread. */
    interface Connection extends AutoCloseable {
        /** Sends one message (already complete MIME bytes) to one recipient; never throws for SMTP or I/O failures. */
        SmtpReply send(String recipient, byte[] message);

        boolean isOpen();

        @Override
        void close();
    }
}
