package org.mailroom.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroom.config.Config;
import org.mailroom.testing.PostgresServer;

import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresMigrationIT {
    @RegisterExtension
    static final PostgresServer.PerClass pg = new PostgresServer.PerClass();

    @Test
    void every_migration_runs_on_postgresql_and_the_schema_takes_a_subscriber() throws Exception {
        String url = pg.createDatabase("migrations");
        try (Database db = Database.open(Config.of(Map.of("db.url", url, "db.username", "postgres")))) {
            assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
            int n = db.withConnection(c -> {
                c.createStatement().executeUpdate("INSERT INTO subscriber (email, email_key, status, created_at, updated_at) "
                    + "VALUES ('A@x.org', 'a@x.org', 'confirmed', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM subscriber");
                rs.next();
                return rs.getInt(1);
            });
            assertThat(n).isEqualTo(1);
        }
    }
}
