package org.mailroom.subscriber;

import org.mailroom.db.Database;
import org.mailroom.db.NamedQueries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The only JDBC code for subscribers. Every statement comes from {@code sql/subscribers.sql}. */
public final class SubscriberStore {
    private static final int IMPORT_BATCH = 1000;
    private final Database db;
    private final NamedQueries sql;

    public SubscriberStore(Database db) {
        this.db = db;
        this.sql = db.queries("subscribers");
    }

    public Optional<Subscriber> findByEmail(EmailAddress email) {
        return db.withConnection(c -> findOne(c, "find-by-key", email.key()));
    }

    public Optional<Subscriber> findById(long id) {
        return db.withConnection(c -> findOne(c, "find-by-id", id));
    }

    /** Inserts a new pending subscriber; false when the address exists already (another request won the race). */
    public boolean insertPending(EmailAddress email, String name, String source, String ip, Instant now) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.get("insert-pending"))) {
                set(ps, email.value(), email.key(), name, time(now), time(now), time(now), source, ip);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (isDuplicateKey(e)) return false;
                throw e;
            }
        });
    }

    /** Starts a new consent for someone who had left; false when they had not. */
    public boolean resubscribe(long id, String name, String source, String ip, Instant now) {
        return update("resubscribe", name, time(now), source, ip, time(now), id);
    }

    public void updatePendingName(long id, String name, Instant now) {
        update("update-pending-name", name, time(now), id);
    }

    /** True when this caller may send a confirmation now: none was sent since {@code notSince}. Atomic. */
    public boolean claimConfirmationSend(long id, Instant now, Instant notSince) {
        return update("claim-confirmation-send", time(now), id, time(notSince));
    }

    public boolean confirm(long id, String ip, Instant now) {
        return update("confirm", time(now), ip, time(now), id);
    }

    /** A pending subscription whose confirmation link expired starts again: new start time (so a new link), email not yet sent. */
    public boolean restartPending(long id, String name, String source, String ip, Instant now) {
        return update("restart-pending", name, time(now), source, ip, time(now), id);
    }

    /** Marks a pending or confirmed subscriber unsubscribed; false when they were not (already left, or unknown). */
    public boolean unsubscribe(long id, String how, Long campaignId, String ip, Instant now) {
        return update("unsubscribe", time(now), how, campaignId, ip, time(now), id);
    }

    /** Counts per status, every status present (zero when none). */
    public Map<Status, Long> countByStatus() {
        return db.withConnection(c -> {
            Map<Status, Long> counts = new EnumMap<>(Status.class);
            for (Status s : Status.values()) counts.put(s, 0L);
            try (PreparedStatement ps = c.prepareStatement(sql.get("count-by-status")); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) counts.put(Status.parse(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        });
    }

    /** Up to {@code limit} subscribers after the id {@code afterId}, by id: pages for an export of any size. */
    public List<Subscriber> page(long afterId, int limit) {
        return db.withConnection(c -> {
            List<Subscriber> out = new ArrayList<>(limit);
            try (PreparedStatement ps = c.prepareStatement(sql.get("export-page"))) {
                set(ps, afterId, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(rs));
                }
            }
            return out;
        });
    }

    /** Receives imported rows; each row is merged into the list by {@code import-merge}. */
    public interface ImportSink {
        void add(EmailAddress email, String name, Status status) throws SQLException;
    }

    /** What {@link #importAll} does with the sink, inside the one transaction. */
    @FunctionalInterface
    public interface ImportWork {
        void run(ImportSink sink) throws SQLException;
    }

    /**
     * Runs an import in one transaction, rows sent to the database in JDBC batches: all of it or nothing, also when
     * the process dies midway. Returns how many subscribers it added (the rest were merged into existing ones).
     */
    public long importAll(Instant now, ImportWork work) {
        return db.inTransaction(c -> {
            long before = countAll(c);
            try (PreparedStatement ps = c.prepareStatement(sql.get("import-merge"))) {
                int[] pending = {0};
                OffsetDateTime at = time(now);
                work.run((email, name, status) -> {
                    set(ps, email.value(), email.key(), name, status == null ? null : status.value(), at);
                    ps.addBatch();
                    if (++pending[0] == IMPORT_BATCH) {
                        ps.executeBatch();
                        pending[0] = 0;
                    }
                });
                if (pending[0] > 0) ps.executeBatch();
            }
            return countAll(c) - before;
        });
    }

    private long countAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.get("count-all")); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean update(String query, Object... params) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.get(query))) {
                set(ps, params);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private Optional<Subscriber> findOne(Connection c, String query, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.get(query))) {
            set(ps, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Subscriber read(ResultSet rs) throws SQLException {
        long campaign = rs.getLong("left_campaign_id");
        Long leftCampaign = rs.wasNull() ? null : campaign;
        return new Subscriber(rs.getLong("id"), rs.getString("email"), rs.getString("name"), Status.parse(rs.getString("status")),
            instant(rs, "created_at"), instant(rs, "subscribed_at"), rs.getString("subscribed_source"), rs.getString("subscribed_ip"),
            instant(rs, "confirmation_sent_at"), instant(rs, "confirmed_at"), rs.getString("confirmed_ip"),
            instant(rs, "left_at"), rs.getString("left_source"), leftCampaign);
    }

    static void set(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) ps.setNull(i + 1, Types.NULL);
            else if (p instanceof OffsetDateTime t) ps.setObject(i + 1, t);
            else ps.setObject(i + 1, p);
        }
    }

    static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** SQLState 23505 is a unique-key violation on both H2 and PostgreSQL. */
    private static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
