package org.mailroom.delivery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Parses the start time an editor gives: ISO-8601 with an offset, or without one in this machine's zone. */
public final class StartTime {
    private StartTime() {}

    public static Instant parse(String s, String what) {
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.strip()).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new org.mailroom.MailroomException(what + " '" + s + "': not an ISO-8601 time such as 2026-12-03T09:00:00+01:00");
            }
        }
    }
}
