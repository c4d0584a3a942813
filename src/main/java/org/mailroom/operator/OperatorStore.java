package org.mailroom.operator;

import org.mailroom.db.Database;
import org.mailroom.db.NamedQueries;
import org.mailroom.delivery.LogEntry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read-only queries of the operator's pages, /metrics and the archive ({@code sql/operator.sql}). */
public final class OperatorStore {
    /** One row of a result, read by position. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public record MinuteCount(Instant minute, long messages) {}

    public record ArchivedIssue(long campaignId, String number, String date, String subject, Instant startedAt, String html) {}

    public record SubscriberRow(long id, String email, String name, String status, Instant createdAt) {}

    public record BounceLine(Instant at, Long campaignId, String kind, String statusCode, String reason, String source) {}

    /** Deliveries of one campaign in one state. */
    public record StateCount(long campaignId, String state, long count) {}

    private final Database db;
    private final NamedQueries q;

    public OperatorStore(Database db) {
        this.db = db;
        this.q = db.queries("operator");
    }

    public List<LogEntry> log(LogFilter filter, int limit) {
        return list("log-page", OperatorStore::logEntry, filter.arguments(limit));
    }

    public List<MinuteCount> sendsPerMinute(long campaignId) {
        return list("sends-per-minute", rs -> new MinuteCount(instant(rs, 1), rs.getLong(2)), campaignId);
    }

    /** Messages sent per campaign since the moment. */
    public Map<Long, Long> sentSince(Instant since) {
        Map<Long, Long> m = new HashMap<>();
        for (long[] r : list("sent-since", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, since)) m.put(r[0], r[1]);
        return m;
    }

    public List<StateCount> deliveryStates() {
        return list("delivery-states", rs -> new StateCount(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    public long queueDepth() {
        return list("queue-depth", rs -> rs.getLong(1)).get(0);
    }

    public Map<String, Long> bounceKinds() {
        Map<String, Long> m = new HashMap<>();
        for (Object[] r : list("bounce-kinds", rs -> new Object[] {rs.getString(1), rs.getLong(2)})) m.put((String) r[0], (Long) r[1]);
        return m;
    }

    public List<ArchivedIssue> archive(int limit) {
        return list("archive-list", rs -> new ArchivedIssue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            instant(rs, 5), null), limit);
    }

    public Optional<ArchivedIssue> archived(String number) {
        return list("archive-issue", rs -> new ArchivedIssue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            instant(rs, 5), rs.getString(6)), number).stream().findFirst();
    }

    /** Subscribers whose address contains the text, by id after {@code afterId}. */
    public List<SubscriberRow> searchSubscribers(String text, long afterId, int limit) {
        String pattern = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return list("subscriber-search", rs -> new SubscriberRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            instant(rs, 5)), pattern, afterId, limit);
    }

    public List<LogEntry> sendsTo(long subscriberId) {
        return list("subscriber-sends", OperatorStore::logEntry, subscriberId);
    }

    public List<BounceLine> bouncesOf(long subscriberId) {
        return list("subscriber-bounces", rs -> new BounceLine(instant(rs, 1), (Long) rs.getObject(2, Long.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6)), subscriberId);
    }

    private static LogEntry logEntry(ResultSet rs) throws SQLException {
        return new LogEntry(rs.getLong(1), instant(rs, 2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7));
    }

    private <T> List<T> list(String query, Row<T> row, Object... args) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.get(query))) {
                for (int i = 0; i < args.length; i++) {
                    Object v = args[i];
                    ps.setObject(i + 1, v instanceof Instant in ? in.atOffset(ZoneOffset.UTC) : v);
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(row.read(rs));
                }
                return out;
            }
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Object o = rs.getObject(column);
        if (o == null) return null;
        if (o instanceof java.sql.Timestamp t) return t.toInstant();
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
