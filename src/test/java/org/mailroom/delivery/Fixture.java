package org.mailroom.delivery;

import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.subscriber.Tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A real H2 file database with subscribers, and the configuration to send from it to a local SMTP port. */
final class Fixture implements AutoCloseable {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final String ISSUE = "Title: This Week in Testing 1\nDate: 2026-11-25\n\nHello **readers**.\n\n* one\n* two\n";
    final Config config;
    final Database db;
    final Tokens tokens = new Tokens(SECRET);

    Fixture(Path dir, int smtpPort, Map<String, String> extra) {
        Map<String, String> m = new HashMap<>();
        m.put("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        m.put("data.dir", dir.toString());
        m.put("smtp.host", "127.0.0.1");
        m.put("smtp.port", String.valueOf(smtpPort));
        m.put("smtp.timeout-seconds", "5");
        m.put("delivery.retry-base-seconds", "1");
        m.put("delivery.retry-max-seconds", "2");
        m.put("base.url", "https://news.example.org");
        m.putAll(extra);
        this.config = Config.of(m);
        this.db = Database.open(config);
    }

    Delivery delivery() {
        return new Delivery(config, db, tokens, new SimpleIssueRenderer(config.url("base.url")),
            org.mailroom.smtp.SmtpSettings.from(config), org.mailroom.bounce.Verp.from(config, SECRET)::envelopeSender);
    }

    /** Adds confirmed subscribers user0@example.com .. user{n-1}@example.com. */
    void subscribers(int n) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriber (email, email_key, name, status, created_at, updated_at) VALUES (?, ?, ?, 'confirmed', ?, ?)")) {
                var now = Instant.now().atOffset(ZoneOffset.UTC);
                for (int i = 0; i < n; i++) {
                    String e = "user" + i + "@example.com";
                    ps.setString(1, e);
                    ps.setString(2, e);
                    ps.setString(3, i % 3 == 0 ? null : "Reader " + i);
                    ps.setObject(4, now);
                    ps.setObject(5, now);
                    ps.addBatch();
                    if (i % 1000 == 999) ps.executeBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    long subscriberId(String email) {
        return queryLong("SELECT id FROM subscriber WHERE email_key = '" + email + "'");
    }

    String subscriberStatus(String email) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT status FROM subscriber WHERE email_key = '" + email + "'")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    void setStatus(String email, String status) {
        db.withConnection(c -> c.createStatement().executeUpdate("UPDATE subscriber SET status = '" + status + "' WHERE email_key = '" + email + "'"));
    }

    long queryLong(String sql) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    String queryString(String sql) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    long create(Delivery d) {
        return d.campaigns().create("issue-1.md", ISSUE.getBytes(StandardCharsets.UTF_8), null);
    }

    static void await(java.util.function.BooleanSupplier condition, long timeoutMillis, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
