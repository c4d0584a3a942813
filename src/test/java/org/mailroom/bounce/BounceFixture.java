package org.mailroom.bounce;

import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.subscriber.Tokens;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A real H2 file database with the sample reports' subscribers, and the bounce feature built on it. */
final class BounceFixture implements AutoCloseable {
    /** Subscriber ids the sample reports name (by VERP token, unsubscribe token or address). */
    static final String[][] SUBSCRIBERS = {
        {"1", "alice@example.com"}, {"2", "bob@example.net"}, {"3", "carol@contoso.example"}, {"4", "erin@example.org"},
        {"5", "dave.nobody@gmail.com"}, {"6", "frank@yahoo.example"}, {"7", "grace@example.com"},
        {"8", "heidi@example.com"}, {"9", "ivan@example.com"}};

    final Database db;
    final BounceStore store;
    final BounceRules rules;
    final ReportHandler handler;

    BounceFixture(Path dir, boolean insertSubscribers, BounceListener listener) {
        this(Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath())), insertSubscribers, listener);
    }

    /** On any database, e.g. PostgreSQL. */
    BounceFixture(Config config, boolean insertSubscribers, BounceListener listener) {
        db = Database.open(config);
        store = new BounceStore(db);
        rules = new BounceRules(store, 3, listener);
        handler = new ReportHandler(new ReportParser(Samples.verp(), new Tokens(Samples.SECRET), CampaignLookup.NONE),
            store, rules, Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
        if (insertSubscribers) for (String[] s : SUBSCRIBERS) insert(Long.parseLong(s[0]), s[1], "confirmed");
    }

    BounceFixture(Path dir) {
        this(dir, true, BounceListener.NONE);
    }

    void insert(long id, String email, String status) {
        db.withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO subscriber (id, email, email_key, status, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                p.setLong(1, id);
                p.setString(2, email);
                p.setString(3, email.toLowerCase());
                p.setString(4, status);
                return p.executeUpdate();
            }
        });
    }

    String status(long id) {
        return query("SELECT status FROM subscriber WHERE id = " + id);
    }

    String leftSource(long id) {
        return query("SELECT left_source FROM subscriber WHERE id = " + id);
    }

    int bounceCount(long id) {
        return Integer.parseInt(query("SELECT bounce_count FROM subscriber WHERE id = " + id));
    }

    int count(String table) {
        return Integer.parseInt(query("SELECT COUNT(*) FROM " + table));
    }

    String query(String sql) {
        return db.withConnection(c -> {
            try (ResultSet r = c.createStatement().executeQuery(sql)) {
                return r.next() ? r.getString(1) : null;
            }
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
