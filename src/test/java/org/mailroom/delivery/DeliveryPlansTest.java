package org.mailroom.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.db.NamedQueries;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements that touch one delivery row must find it by its key whatever H2's statistics say. Before H2 has
 * analyzed a fresh delivery table, every column counts as 50% selective, the key and the campaign index look alike
 * to the planner, and a sender that prepared its claim in that window kept a plan that read the whole campaign per
 * row (a send of 100,000 stood still for 15 s before this was pinned).
 */
class DeliveryPlansTest {
    @TempDir
    Path dir;

    @Test
    void per_row_statements_use_the_primary_key_on_a_table_h2_has_not_analyzed_yet() throws Exception {
        Config config = Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()));
        try (Database db = Database.open(config)) {
            NamedQueries q = db.queries("delivery");
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            db.withConnection(c -> {
                try (Statement st = c.createStatement()) {
                    // fewer rows than H2's automatic ANALYZE waits for (2,000 changes)
                    st.executeUpdate("INSERT INTO campaign (id, source_file, subject, html, text_body, status, created_at, scheduled_at) "
                        + "VALUES (7, 'x.md', 'x', 'x', 'x', 'sending', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                    st.executeUpdate("INSERT INTO delivery (campaign_id, subscriber_id, state, attempts, next_attempt_at, possible_duplicate, updated_at) "
                        + "SELECT 7, X, 'queued', 0, CURRENT_TIMESTAMP, FALSE, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, 1500)");
                }
                return null;
            });
            Map<String, Object[]> statements = Map.of(
                "claim-row", new Object[] {"node", now, 1L, 0, now, 7L, 42L, "queued"},
                "skip-row", new Object[] {"why", now, 7L, 42L, "queued"},
                "record-outcome", new Object[] {"sent", 1, now, "250 ok", false, now, 7L, 42L, "node"},
                "release-row", new Object[] {now, 7L, 42L, "node"},
                "requeue-orphan", new Object[] {false, now, 7L, 42L, "node"});
            for (var e : statements.entrySet()) {
                String plan = db.withConnection(c -> explain(c, q.get(e.getKey()), e.getValue()));
                assertThat(plan).as(e.getKey() + " plan").contains("PRIMARY_KEY").doesNotContain("CONSTRAINT_INDEX");
            }
            String candidates = db.withConnection(c -> explain(c, q.get("claim-candidates"), new Object[] {7L, "queued", now, 100}));
            assertThat(candidates).as("claim-candidates plan").contains("DELIVERY_CLAIM");
        }
    }

    private static String explain(Connection c, String sql, Object[] values) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
