package org.mailroom.bounce;

import java.util.Locale;

/** What a report says about an address: gone for good, troubled for now, or a reader's spam complaint. */
public enum BounceType {
    HARD, SOFT, COMPLAINT;

    /** The lower-case name used in the database and the webhook's JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a webhook's or the database's name, or null when it names none. */
    public static BounceType ofCode(String code) {
        if (code == null) return null;
        for (BounceType t : values()) if (t.code().equals(code.trim().toLowerCase(Locale.ROOT))) return t;
        return null;
    }
}
