package org.mailroom.delivery;

/** What delivery needs from an SMTP client: connections kept open and used for many messages. */
public interface Mailer {
    /** Opens and greets a connection (EHLO, STARTTLS, AUTH as configured). */
    Connection connect() throws RelayUnreachableException;

    /**
     * A message as a connection writes it out: a campaign's reader message goes from its prepared parts straight
     * into the connection's buffer (no per-reader copy of the issue), other messages from an array.
     */
    interface Data {
        /** Writes the complete message (CRLF line ends). */
        void writeTo(java.io.OutputStream out) throws java.io.IOException;

        /** The message in one array (for clients that need it whole). */
        byte[] bytes();

        /** Its length in bytes (announced with SMTP SIZE). */
        int size();

        /** True when no line starts with '.' and the message ends with CRLF: it can go into DATA without dot-stuffing. */
        boolean smtpSafe();

        /** Any message in one array: dot-stuffed by the client as needed. */
        static Data of(byte[] message) {
            return new Data() {
                @Override
                public void writeTo(java.io.OutputStream out) throws java.io.IOException {
                    out.write(message);
                }

                @Override
                public byte[] bytes() {
                    return message;
                }

                @Override
                public int size() {
                    return message.length;
                }

                @Override
                public boolean smtpSafe() {
                    return false;
                }
            };
        }
    }

    /** One open SMTP session; not thread-safe, one per sender thread. */
    interface Connection extends AutoCloseable {
        /**
         * Sends one message (complete MIME) with its own envelope: one recipient, and the sender the relay returns
         * bounces to. Never throws for SMTP or I/O failures.
         */
        SmtpReply send(Envelope envelope, Data message);

        /** {@link #send(Envelope, Data)} for a message already in one array. */
        default SmtpReply send(Envelope envelope, byte[] message) {
            return send(envelope, Data.of(message));
        }

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
