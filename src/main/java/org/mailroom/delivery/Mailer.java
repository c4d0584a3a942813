package org.mailroom.delivery;

/** What delivery needs from an SMTP client: connections kept open and used for many messages. */
public interface Mailer {
    /** Opens and greets a connection (EHLO, STARTTLS, AUTH as configured). */
    Connection connect() throws RelayUnreachableException;

    /** One open SMTP session; not thread-safe, one per sender thread. */
    interface Connection extends AutoCloseable {
        /**
         * Sends one message (already complete MIME bytes) with its own envelope: one recipient, and the sender the
         * relay returns bounces to. Never throws for SMTP or I/O failures.
         */
        SmtpReply send(Envelope envelope, byte[] message);

        /**
         * Names the envelope of the next {@link #send} (null: none follows), so that a pipelining client can put it
         * behind this message's end of data (RFC 2920) instead of waiting a round trip for it. A hint: the next send
         * must then have exactly that envelope, sender and recipient, or the connection is given up (closed unsent).
         * A wrapper forwards it to the connection it wraps, or pipelining is lost.
         */
        default void next(Envelope envelope) {}

        boolean isOpen();

        @Override
        void close();
    }
}
