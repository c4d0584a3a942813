package org.mailroom.subscriber;

import java.util.Locale;

/** Where a subscriber stands. Only {@code CONFIRMED} subscribers get campaigns; the last three mean they left. */
public enum Status {
    PENDING, CONFIRMED, UNSUBSCRIBED, BOUNCED, COMPLAINED;

    /** The value stored in the database and written in CSV files. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasLeft() {
        return this == UNSUBSCRIBED || this == BOUNCED || this == COMPLAINED;
    }

    /** Parses a stored or imported value, ignoring case and surrounding blanks; null when it is none of them. */
    public static Status parse(String value) {
        if (value == null) return null;
        String v = value.strip().toUpperCase(Locale.ROOT);
        for (Status s : values()) if (s.name().equals(v)) return s;
        return null;
    }
}
