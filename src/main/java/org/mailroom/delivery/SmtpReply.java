package org.mailroom.delivery;

/** The relay's answer to one message; code -1 when the connection dropped before an answer came. */
public record SmtpReply(int code, String text) {
    public static SmtpReply dropped(String why) {
        return new SmtpReply(-1, "connection dropped: " + why);
    }

    public boolean accepted() {
        return code >= 200 && code < 300;
    }

    /** A 5xx: the relay will never take this message; the recipient fails for good. */
    public boolean permanent() {
        return code >= 500 && code < 600;
    }

    /** After a drop or a 421 the connection cannot be used again. */
    public boolean connectionLost() {
        return code == -1 || code == 421;
    }

    @Override
    public String toString() {
        return text == null || text.isBlank() ? String.valueOf(code) : text.strip();
    }
}
