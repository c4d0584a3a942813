package org.mailroom.subscriber;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * {@code subscribers export}: every subscriber as CSV (RFC 4180, CRLF), read page by page so the list's size does
 * not matter. The columns {@code email,name,status} are what {@link Importer} reads back; the rest are for people.
 */
public final class Exporter {
    static final String HEADER = "email,name,status,created_at,confirmed_at,left_at,subscribed_source,left_source";
    private static final int PAGE = 1000;
    private final SubscriberStore store;

    public Exporter(SubscriberStore store) {
        this.store = store;
    }

    /** Writes the CSV and returns how many subscribers it holds. */
    public long write(Writer out) throws IOException {
        out.write(HEADER + "\r\n");
        long count = 0;
        long after = 0;
        for (List<Subscriber> page = store.page(after, PAGE); !page.isEmpty(); page = store.page(after, PAGE)) {
            for (Subscriber s : page) {
                row(out, s.email(), s.name(), s.status().value(), time(s.createdAt()), time(s.confirmedAt()), time(s.leftAt()),
                    s.subscribedSource(), s.leftSource());
                after = s.id();
                count++;
            }
        }
        out.flush();
        return count;
    }

    private static void row(Writer out, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) out.write(',');
            out.write(quote(values[i]));
        }
        out.write("\r\n");
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break (or blanks at its ends, which readers may strip). */
    static String quote(String v) {
        if (v == null) return "";
        boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
            || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))));
        return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }
}
