package org.mailroom.subscriber;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.db.NamedQueries;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements that change one subscriber, found by id, must read that one row. H2 costed {@code id = ? AND
 * status IN (...)} as a lookup on the (status, id) index but ran it as a walk over every subscriber of those
 * statuses: each one-click unsubscribe read the whole list (100,000 rows), and under load the web threads queued
 * for database connections for seconds.
 */
class SubscriberPlansTest {
    private static final Pattern BY_ID = Pattern.compile("(?s)UPDATE subscriber .*WHERE id = \\?.*");

    @TempDir
    Path dir;

    @Test
    void every_update_of_one_subscriber_by_id_uses_the_primary_key() throws Exception {
        Config config = Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()));
        try (Database db = Database.open(config)) {
            db.withConnection(c -> c.createStatement().executeUpdate(
                "INSERT INTO subscriber (email, email_key, status, created_at, updated_at) "
                    + "SELECT 'r' || X || '@example.org', 'r' || X || '@example.org', 'confirmed', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP "
                    + "FROM SYSTEM_RANGE(1, 5000)"));
            db.withConnection(c -> c.createStatement().execute("ANALYZE"));
            int checked = 0;
            for (String feature : List.of("subscribers", "bounce", "delivery")) {
                NamedQueries q = db.queries(feature);
                for (String name : q.names()) {
                    String sql = q.get(name);
                    if (!BY_ID.matcher(sql).matches()) continue;
                    String plan = db.withConnection(c -> explainAnalyze(c, sql));
                    assertThat(scanCount(plan)).as(feature + ".sql " + name + " rows read, plan:\n" + plan).isLessThanOrEqualTo(3);
                    checked++;
                }
            }
            assertThat(checked).as("statements checked").isGreaterThanOrEqualTo(6);
        }
    }

    /** Runs the statement on subscriber 2,500 (every number parameter is 2,500) and returns the plan with counts. */
    private static String explainAnalyze(Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            ParameterMetaData md = ps.getParameterMetaData();
            for (int i = 1; i <= md.getParameterCount(); i++) {
                switch (md.getParameterType(i)) {
                    case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> ps.setLong(i, 2500);
                    case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ps.setObject(i, OffsetDateTime.now(ZoneOffset.UTC));
                    default -> ps.setString(i, "x");
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static int scanCount(String plan) {
        Matcher m = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        int max = 0;
        while (m.find()) max = Math.max(max, Integer.parseInt(m.group(1)));
        return max;
    }
}
