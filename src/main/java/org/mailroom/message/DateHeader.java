package org.mailroom.message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Date header line of the current second. Each message gets the time it was built (a campaign can take
 * hours), yet formatting happens once per second at most: readers within one second share the bytes.
 */
final class DateHeader {
    private static final DateTimeFormatter RFC_5322 =
        DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private record Line(long second, byte[] bytes) {}

    private final Clock clock;
    private volatile Line current = new Line(Long.MIN_VALUE, new byte[0]);

    DateHeader(Clock clock) {
        this.clock = clock;
    }

    /** "Date: Wed, 25 Nov 2026 16:37:43 +0000" and CRLF. */
    byte[] line() {
        long second = Math.floorDiv(clock.millis(), 1000);
        Line l = current;
        if (l.second != second) {
            String text = "Date: " + RFC_5322.format(Instant.ofEpochSecond(second)) + "\r\n";
            l = new Line(second, text.getBytes(StandardCharsets.US_ASCII));
            current = l;
        }
        return l.bytes;
    }
}
