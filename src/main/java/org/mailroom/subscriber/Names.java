package org.mailroom.subscriber;

/** A subscriber's display name as readers and files give it: optional, one line, at most 200 characters. */
final class Names {
    static final int MAX_LENGTH = 200;

    private Names() {}

    /** The stripped name, null when blank; a {@link SubscriberException} when it breaks a rule. */
    static String parse(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String name = raw.strip();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\r' || c == '\n') throw SubscriberException.invalidInput("name contains a line break (CR or LF)");
            if (Character.isISOControl(c)) throw SubscriberException.invalidInput("name contains a control character");
        }
        // Counted in UTF-16 units, as H2 counts VARCHAR(200): an emoji counts twice, and never overflows the column.
        if (name.length() > MAX_LENGTH)
            throw SubscriberException.invalidInput("name is longer than " + MAX_LENGTH + " characters");
        return name;
    }
}
