package org.mailroom.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Escaping and formatting shared by the operator's pages, the SVG chart, the feed and the live JSON. */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Html() {}

    /** For text and attribute values in HTML and XML (the feed, the chart). */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters even escaped: a stray one in a subject must not break the feed.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') continue;
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** A JSON string literal; {@code <} is escaped too so the value is safe anywhere. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    /** Times on the operator's pages, in UTC like the log. */
    static String time(Instant t) {
        return t == null ? "" : TIME.format(t) + " UTC";
    }
}
