package org.mailroom.issue;

import java.util.Map;

/**
 * An issue as the editor wrote it: the Pelican header and the Markdown body.
 *
 * @param file      the file name, used in messages
 * @param header    every header key, lower-cased, in file order (title, number, date, category, url...)
 * @param title     the Title value, never blank, never with a line break
 * @param body      the Markdown after the header's blank line
 * @param bodyLine  the 1-based line of the file where {@code body} starts, so warnings name file lines
 */
public record Issue(String file, Map<String, String> header, String title, String body, int bodyLine) {
    public Issue {
        header = Map.copyOf(header);
    }

    /** A header value or null; keys are case-insensitive as in Pelican. */
    public String get(String key) {
        return header.get(key.toLowerCase(java.util.Locale.ROOT));
    }

    /** The issue number from {@code Number:}, else the digits at the end of the title, else null. */
    public String number() {
        String n = get("number");
        if (n != null && !n.isBlank()) return n.strip();
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*$").matcher(title);
        return m.find() ? m.group(1) : null;
    }
}
