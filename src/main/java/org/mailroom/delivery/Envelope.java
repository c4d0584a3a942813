package org.mailroom.delivery;

import java.util.Objects;

/**
 * The SMTP envelope of one message: {@code MAIL FROM}, where the relay sends a later bounce, and {@code RCPT TO}.
 * The sender is per message because with VERP it names the recipient ({@link ReturnPath}).
 */
public record Envelope(String sender, String recipient) {
    public Envelope {
        Objects.requireNonNull(sender, "envelope sender");
        Objects.requireNonNull(recipient, "envelope recipient");
    }

    @Override
    public String toString() {
        return "<" + sender + "> -> <" + recipient + ">";
    }
}
