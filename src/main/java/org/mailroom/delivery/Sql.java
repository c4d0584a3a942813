package org.mailroom.delivery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Binding helpers shared by the stores: timestamps travel as UTC OffsetDateTime on H2 and PostgreSQL alike. */
final class Sql {
    private Sql() {}

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            ps.setObject(i + 1, v instanceof Instant in ? ts(in) : v);
        }
    }

    /** SMTP replies and reasons are stored in a bounded column. */
    static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
