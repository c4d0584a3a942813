package org.mailroom.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {
    @TempDir
    Path dir;

    private Config config() {
        return Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()));
    }

    @Test
    void opening_a_new_file_creates_the_schema_and_reopening_keeps_it() {
        try (Database db = Database.open(config())) {
            db.withConnection(c -> c.createStatement().executeUpdate(
                "INSERT INTO subscriber (email, email_key, status, created_at, updated_at) VALUES ('A@x.org', 'a@x.org', 'confirmed', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        }
        try (Database db = Database.open(config())) {
            int n = db.withConnection(c -> {
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM subscriber");
                rs.next();
                return rs.getInt(1);
            });
            assertThat(n).isEqualTo(1);
            int quartz = db.withConnection(c -> {
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM QRTZ_LOCKS");
                rs.next();
                return rs.getInt(1);
            });
            assertThat(quartz).isZero();
        }
    }

    @Test
    void a_second_process_style_connection_works_while_the_first_holds_the_file() {
        try (Database first = Database.open(config()); Database second = Database.open(config())) {
            boolean valid = second.withConnection(c -> c.isValid(2));
            assertThat(valid).isTrue();
        }
    }

    @Test
    void unsupported_url_is_a_clear_error() {
        assertThatThrownBy(() -> Database.open(Config.of(Map.of("db.url", "jdbc:mysql://x/y"))))
            .isInstanceOf(DatabaseException.class).hasMessageContaining("jdbc:mysql://x/y");
    }

    @Test
    void named_queries_parse_names_and_bodies() {
        Map<String, String> q = NamedQueries.parse("-- name: a\nSELECT 1\n\n-- name: b\n-- a comment\nSELECT 2\nFROM x\n", "t");
        assertThat(q).containsEntry("a", "SELECT 1").containsEntry("b", "SELECT 2\nFROM x");
    }
}
