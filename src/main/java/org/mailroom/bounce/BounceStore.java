package org.mailroom.bounce;

import org.mailroom.db.Database;
import org.mailroom.db.NamedQueries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bounce feature's JDBC: its own tables and its few updates of the subscriber table. Queries live in sql/bounce.sql. */
public final class BounceStore {
    /** Reports larger than this are kept cut, with their full size: an operator reads the start, not a 20 MB attachment. */
    static final int MAX_RAW = 1 << 20;

    /** A subscriber as the rules need it. */
    record Subscriber(long id, String email, String status) {}

    /** A kept report, without its bytes. */
    public record UnrecognisedReport(long id, String reportId, Instant receivedAt, String sender, String subject, String why, int size) {}

    /** Distinct recipients who bounced or complained in one campaign. */
    public record CampaignCounts(long campaignId, long hard, long soft, long complaints) {}

    private final Database db;
    private final NamedQueries sql;

    public BounceStore(Database db) {
        this.db = db;
        this.sql = db.queries("bounce");
    }

    Database database() {
        return db;
    }

    /** The outcome recorded for a report already handled, or null. */
    String seen(Connection c, String reportId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql.get("report-seen"))) {
            p.setString(1, reportId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    void markSeen(Connection c, String reportId, String outcome, Instant at) throws SQLException {
        update(c, "mark-report-seen", reportId, outcome, ts(at));
    }

    Subscriber subscriberById(Connection c, long id) throws SQLException {
        return subscriber(c, "subscriber-by-id", id);
    }

    Subscriber subscriberByEmail(Connection c, String email) throws SQLException {
        return subscriber(c, "subscriber-by-email", email.trim().toLowerCase(Locale.ROOT));
    }

    long insertBounce(Connection c, Bounce b, Long subscriberId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql.get("insert-bounce"), new String[] {"id"})) {
            bind(p, subscriberId, b.email(), b.campaignId(), b.type().code(), cut(b.status(), 16), cut(b.reason(), 1000),
                b.source().code(), cut(b.reportId(), 200), ts(b.receivedAt()));
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    boolean markBounced(Connection c, long subscriberId, Instant at) throws SQLException {
        return update(c, "mark-bounced", ts(at), ts(at), subscriberId) > 0;
    }

    boolean markComplained(Connection c, long subscriberId, Instant at) throws SQLException {
        return update(c, "mark-complained", ts(at), ts(at), subscriberId) > 0;
    }

    /** Counts a soft bounce unless this campaign already had one for the subscriber; then bounced at the threshold. */
    boolean countSoft(Connection c, long subscriberId, Long campaignId, long bounceId, int threshold, Instant at) throws SQLException {
        update(c, "count-soft-bounce", ts(at), subscriberId, subscriberId, campaignId, bounceId);
        return update(c, "mark-bounced-at-threshold", ts(at), ts(at), subscriberId, threshold) > 0;
    }

    void keepUnrecognised(Connection c, String reportId, Instant at, String sender, String subject, String why, byte[] raw) throws SQLException {
        byte[] kept = raw.length > MAX_RAW ? Arrays.copyOf(raw, MAX_RAW) : raw;
        update(c, "insert-unrecognised", cut(reportId, 200), ts(at), cut(sender, 998), cut(subject, 998), cut(why, 300), kept, raw.length);
    }

    /** The newest kept reports, for the operator's page. */
    public List<UnrecognisedReport> recentUnrecognised(int limit) {
        return db.withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement(sql.get("recent-unrecognised"))) {
                p.setInt(1, limit);
                List<UnrecognisedReport> out = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) out.add(new UnrecognisedReport(r.getLong(1), r.getString(2), r.getTimestamp(3).toInstant(),
                        r.getString(4), r.getString(5), r.getString(6), r.getInt(7)));
                }
                return out;
            }
        });
    }

    /** A kept report's bytes (cut at 1 MiB), or null. */
    public byte[] unrecognisedRaw(long id) {
        return db.withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement(sql.get("unrecognised-raw"))) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
    }

    /** Bounce, soft and complaint counts per campaign, newest campaign first. */
    public List<CampaignCounts> countsPerCampaign() {
        return db.withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement(sql.get("counts-per-campaign")); ResultSet r = p.executeQuery()) {
                List<CampaignCounts> out = new ArrayList<>();
                while (r.next()) out.add(new CampaignCounts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
                return out;
            }
        });
    }

    /** All bounces and complaints ever recorded, by type (for /metrics counters). */
    public Map<BounceType, Long> countsByType() {
        return db.withConnection(c -> {
            Map<BounceType, Long> out = new EnumMap<>(BounceType.class);
            for (BounceType t : BounceType.values()) out.put(t, 0L);
            try (PreparedStatement p = c.prepareStatement(sql.get("counts-by-kind")); ResultSet r = p.executeQuery()) {
                while (r.next()) out.put(BounceType.ofCode(r.getString(1)), r.getLong(2));
            }
            return out;
        });
    }

    private Subscriber subscriber(Connection c, String query, Object key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql.get(query))) {
            bind(p, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? new Subscriber(r.getLong(1), r.getString(2), r.getString(3)) : null;
            }
        }
    }

    private int update(Connection c, String query, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql.get(query))) {
            bind(p, values);
            return p.executeUpdate();
        }
    }

    private static void bind(PreparedStatement p, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) p.setNull(i + 1, Types.NULL);
            else if (v instanceof byte[] bytes) p.setBytes(i + 1, bytes);
            else p.setObject(i + 1, v);
        }
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
