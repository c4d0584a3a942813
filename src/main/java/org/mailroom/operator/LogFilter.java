package org.mailroom.operator;

import java.time.Instant;
import java.util.Locale;

/**
 * A search in the delivery log: outcome (null for any), part of the recipient's address, a time range, a campaign
 * (0 for all), and the keyset position: only lines with an id below {@code before}.
 */
public record LogFilter(String outcome, String recipient, Instant from, Instant until, long campaignId, long before) {
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    public static LogFilter all() {
        return new LogFilter(null, null, null, null, 0, Long.MAX_VALUE);
    }

    public LogFilter before(long id) {
        return new LogFilter(outcome, recipient, from, until, campaignId, id);
    }

    /** The values for the query's placeholders, in order. */
    Object[] arguments(int limit) {
        String o = outcome == null ? "" : outcome;
        String pattern = recipient == null || recipient.isBlank() ? "%" : "%" + escape(recipient.strip().toLowerCase(Locale.ROOT)) + "%";
        return new Object[] {before, o, o, pattern, pattern, from == null ? EARLIEST : from, until == null ? LATEST : until,
            campaignId, campaignId, limit};
    }

    /** LIKE's wildcards typed by the operator are taken literally would need an ESCAPE clause; they are dropped instead. */
    private static String escape(String s) {
        return s.replace("%", "").replace("_", "");
    }
}
