package org.mailroom.faults;

import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.delivery.CampaignStatus;
import org.mailroom.delivery.Delivery;
import org.mailroom.delivery.FakeSmtpServer;
import org.mailroom.delivery.SimpleIssueRenderer;
import org.mailroom.smtp.SmtpSettings;
import org.mailroom.subscriber.Tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * One process's sending setup for a fault trial: a real H2 file database with confirmed subscribers and the
 * delivery feature sending to a {@link FakeSmtpServer}. It can be closed and opened again on the same files, as a
 * restarted service would be.
 */
final class Rig implements AutoCloseable {
    static final String ISSUE = "Title: Fault trial\nDate: 2026-11-25\n\nHello **readers**.\n";
    final FakeSmtpServer smtp;
    final Config config;
    Database db;
    Delivery delivery;

    Rig(Path dir, String dbUrl, FakeSmtpServer smtp, Map<String, String> extra) {
        this.smtp = smtp;
        Map<String, String> m = new HashMap<>();
        m.put("db.url", dbUrl == null ? "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() : dbUrl);
        m.put("data.dir", dir.toString());
        m.put("smtp.host", "127.0.0.1");
        m.put("smtp.port", String.valueOf(smtp.port()));
        m.put("smtp.timeout-seconds", "5");
        m.put("security.secret", "0123456789abcdef0123456789abcdef");
        m.put("delivery.retry-base-seconds", "1");
        m.put("delivery.retry-max-seconds", "2");
        m.put("base.url", "https://news.example.org");
        m.putAll(extra);
        this.config = Config.of(m);
        open();
    }

    /** Opens the database and the delivery feature (after {@link #close}: a restart). */
    void open() {
        db = Database.open(config);
        delivery = new Delivery(config, db, new Tokens(config.string("security.secret").getBytes(StandardCharsets.UTF_8)),
            new SimpleIssueRenderer(config.url("base.url")), SmtpSettings.from(config), org.mailroom.delivery.ReturnPath.PerRecipient.OFF);
    }

    void subscribers(int n) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriber (email, email_key, status, created_at, updated_at) VALUES (?, ?, 'confirmed', ?, ?)")) {
                var now = Instant.now().atOffset(ZoneOffset.UTC);
                for (int i = 0; i < n; i++) {
                    ps.setString(1, "user" + i + "@example.com");
                    ps.setString(2, "user" + i + "@example.com");
                    ps.setObject(3, now);
                    ps.setObject(4, now);
                    ps.addBatch();
                    if (i % 1000 == 999) ps.executeBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    long campaign(Instant at) {
        return delivery.campaigns().create("trial.md", ISSUE.getBytes(StandardCharsets.UTF_8), at);
    }

    CampaignStatus status(long campaign) {
        return delivery.campaigns().get(campaign).status();
    }

    void awaitStatus(long campaign, CampaignStatus status, Duration timeout) throws InterruptedException {
        await(() -> status(campaign) == status, timeout, "campaign " + campaign + " " + status.db());
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        await(condition, timeout, () -> what);
    }

    /** As above, with a description made at the timeout, so that it can say what was seen last. */
    static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > end) throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what.get());
            Thread.sleep(50);
        }
    }

    /** A database call failing while the pool drops connections H2 closed is "not yet", not the end of the trial. */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.mailroom.MailroomException e) {
            return false;
        }
    }

    long count(String sql) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Compares the campaign's rows with what the SMTP server received. */
    Tally tally(long campaign, String fault, int trials) {
        Map<String, String[]> rows = new HashMap<>();
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.email, d.state, d.possible_duplicate FROM delivery d "
                + "JOIN subscriber s ON s.id = d.subscriber_id WHERE d.campaign_id = ?")) {
                ps.setLong(1, campaign);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.put(rs.getString(1), new String[] {rs.getString(2), String.valueOf(rs.getBoolean(3))});
                }
            }
            return null;
        });
        int delivered = 0, failed = 0, marked = 0, unmarked = 0, lost = 0;
        for (var e : rows.entrySet()) {
            int n = smtp.received.getOrDefault(e.getKey(), new AtomicInteger()).get();
            String state = e.getValue()[0];
            if (n > 0) delivered++;
            if (state.equals("failed")) failed++;
            if (n == 0 && !state.equals("failed")) lost++;
            if (n > 1 && Boolean.parseBoolean(e.getValue()[1])) marked++;
            if (n > 1 && !Boolean.parseBoolean(e.getValue()[1])) unmarked++;
        }
        if (unmarked > 0 || lost > 0) printSuspects(campaign, rows);
        return new Tally(fault, trials, rows.size(), delivered, failed, marked, unmarked, lost);
    }

    /** For the test's output file: each recipient received twice unmarked or never, with its row and events. */
    private void printSuspects(long campaign, Map<String, String[]> rows) {
        rows.forEach((email, row) -> {
            int n = smtp.received.getOrDefault(email, new AtomicInteger()).get();
            boolean unmarked = n > 1 && !Boolean.parseBoolean(row[1]);
            boolean lost = n == 0 && !row[0].equals("failed");
            if (!unmarked && !lost) return;
            StringBuilder b = new StringBuilder((unmarked ? "UNMARKED DUPLICATE " : "LOST ") + email + " received " + n
                + " times " + smtp.trace(email) + "; row: ");
            db.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT d.state, d.attempts, d.possible_duplicate, d.claimed_by, d.claim_batch, "
                    + "d.claim_seq, d.updated_at, d.smtp_reply FROM delivery d JOIN subscriber s ON s.id = d.subscriber_id WHERE d.campaign_id = ? AND s.email = ?")) {
                    ps.setLong(1, campaign);
                    ps.setString(2, email);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) for (int i = 1; i <= 8; i++) b.append(rs.getString(i)).append(i < 8 ? " | " : "");
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT at, outcome, possible_duplicate, detail FROM delivery_event WHERE campaign_id = ? AND email = ? ORDER BY id")) {
                    ps.setLong(1, campaign);
                    ps.setString(2, email);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) b.append("\n    event ").append(rs.getString(1)).append(' ').append(rs.getString(2))
                            .append(rs.getBoolean(3) ? " (possible duplicate) " : " ").append(rs.getString(4));
                    }
                }
                return null;
            });
            System.out.println(b);
        });
    }

    @Override
    public void close() {
        if (delivery != null) delivery.close();
        if (db != null) db.close();
        delivery = null;
        db = null;
    }
}
