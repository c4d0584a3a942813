package org.mailroom.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;
import org.mailroom.subscriber.Exporter;
import org.mailroom.subscriber.Importer;
import org.mailroom.subscriber.SubscriberStore;
import org.mailroom.testing.PostgresServer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every feature's SQL on PostgreSQL: each named query parses there, and the import merges as it does on H2. */
class PostgresQueriesIT {
    @RegisterExtension
    static final PostgresServer.PerClass pg = new PostgresServer.PerClass();

    @TempDir
    Path dir;

    @Test
    void every_named_query_of_every_feature_is_accepted_by_postgresql() throws Exception {
        try (Database db = Database.open(postgres("queries"))) {
            List<String> checked = new ArrayList<>();
            for (String feature : features()) {
                NamedQueries q = db.queries(feature);
                for (String name : q.names()) {
                    // a describe round trip: PostgreSQL parses, resolves names and types, and runs nothing
                    db.withConnection(c -> {
                        try (PreparedStatement ps = c.prepareStatement(q.get(name))) {
                            return ps.getParameterMetaData().getParameterCount();
                        } catch (java.sql.SQLException e) {
                            throw new AssertionError("sql/" + feature + ".sql, query " + name + ": " + e.getMessage(), e);
                        }
                    });
                    checked.add(feature + "/" + name);
                }
            }
            assertThat(checked).contains("delivery/claim-candidates", "subscribers/import-merge", "bounce/counts-per-campaign");
        }
    }

    @Test
    void an_import_merges_a_list_the_same_way_on_postgresql_as_on_h2() throws Exception {
        Config h2 = Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()));
        assertThat(importsThenExport(postgres("imports"))).isEqualTo(importsThenExport(h2));
    }

    /** A list built by three imports, the last one trying to rename, re-activate, confirm and unsubscribe. */
    private static String importsThenExport(Config config) throws Exception {
        try (Database db = Database.open(config)) {
            SubscriberStore store = new SubscriberStore(db);
            Importer importer = new Importer(store, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
            List<Importer.Result> results = new ArrayList<>();
            results.add(importer.importCsv(resource("good.csv"), "good.csv", r -> {}));
            results.add(importer.importCsv(resource("bad-rows.csv"), "bad-rows.csv", r -> {}));
            String changes = "email,name,status\nann@example.org,Ann S.,unsubscribed\nbob@example.org,,confirmed\n"
                + "carl@example.org,Carl,confirmed\ndora@example.org,Dora,\nnew@example.org,,\nNEW@example.org,New,pending\n";
            Importer later = new Importer(store, Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
            results.add(later.importCsv(new ByteArrayInputStream(changes.getBytes(StandardCharsets.UTF_8)), "changes.csv", r -> {}));
            StringWriter out = new StringWriter();
            new Exporter(store).write(out);
            return results + "\n" + out;
        }
    }

    private static InputStream resource(String name) {
        return PostgresQueriesIT.class.getResourceAsStream("/subscriber/" + name);
    }

    private static Config postgres(String database) throws Exception {
        return Config.of(Map.of("db.url", pg.createDatabase(database), "db.username", "postgres"));
    }

    /** The features with a query file: sql/*.sql on the class path. */
    private static List<String> features() throws Exception {
        Path sql = Path.of(PostgresQueriesIT.class.getClassLoader().getResource("sql").toURI());
        try (Stream<Path> files = Files.list(sql)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }
}
