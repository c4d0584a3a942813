package org.mailroom.delivery;

import org.mailroom.MailroomException;
import org.mailroom.db.Database;
import org.mailroom.db.NamedQueries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.mailroom.delivery.Sql.bind;

/**
 * Delivery rows: fixing the audience, claiming batches, writing outcomes back in JDBC batches, recovering rows
 * whose sender died. Each operation is one transaction.
 */
public final class DeliveryStore {
    private final Database db;
    private final NamedQueries q;
    private final int bounceThreshold;

    public DeliveryStore(Database db, int bounceThreshold) {
        this.db = db;
        this.q = db.queries("delivery");
        this.bounceThreshold = Math.max(1, bounceThreshold);
    }

    /** Moves a scheduled campaign to sending and fixes its audience in the same transaction; -1 if it was not scheduled. */
    public int start(long campaignId) {
        return db.inTransaction(c -> {
            Instant now = Instant.now();
            if (exec(c, "campaign-start", now, campaignId) != 1) return -1;
            int n = exec(c, "audience-insert", campaignId, now, now);
            exec(c, "campaign-set-audience", n, campaignId);
            return n;
        });
    }

    /** Cancels what has not gone out yet; rows being sent finish normally. */
    public int cancelPending(long campaignId) {
        return db.inTransaction(c -> exec(c, "deliveries-cancel", Instant.now(), campaignId));
    }

    /** Claims up to {@code limit} due rows of a campaign, fresh ones first; skips subscribers no longer confirmed. */
    public List<Claimed> claim(long campaignId, String nodeId, int limit, Duration lease) {
        long batch = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        List<Claimed> claimed = db.inTransaction(c -> {
            Instant now = Instant.now();
            List<Claimed> out = new ArrayList<>(limit);
            Claim claim = new Claim(campaignId, nodeId, batch, now, now.plus(lease));
            claimState(c, claim, "queued", limit, out);
            if (out.size() < limit) claimState(c, claim, "deferred", limit - out.size(), out);
            return out;
        });
        // the claim must be on disk before any of its messages leaves, or a crash could send them twice unmarked
        if (claimed.isEmpty()) return claimed;
        try {
            db.withConnection(c -> exec(c, "durability-barrier"));
        } catch (MailroomException e) {
            throw new UnsentClaim(claimed, e);
        }
        return claimed;
    }

    /**
     * The claim committed but could not be made durable (the disk is full): nothing was sent, and the caller must give
     * the rows back, or they would wait for the lease to run out (minutes) once the database works again.
     */
    static final class UnsentClaim extends DeliveryException {
        final transient List<Claimed> rows;

        UnsentClaim(List<Claimed> rows, MailroomException cause) {
            super(cause.getMessage(), cause);
            this.rows = rows;
        }
    }

    /** One claim: which campaign, by whom, its batch id (rows keep their order in it), when and until when. */
    private record Claim(long campaignId, String nodeId, long batch, Instant now, Instant leaseUntil) {}

    private void claimState(Connection c, Claim claim, String state, int limit, List<Claimed> out) throws SQLException {
        long campaignId = claim.campaignId();
        Instant now = claim.now();
        List<Claimed> wanted = new ArrayList<>();
        List<Claimed> gone = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(q.get("claim-candidates"))) {
            bind(ps, campaignId, state, now, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Claimed row = new Claimed(campaignId, rs.getLong(1), rs.getString(4), rs.getString(5), rs.getInt(2), rs.getBoolean(3));
                    ("confirmed".equals(rs.getString(6)) ? wanted : gone).add(row);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(q.get("claim-row"))) {
            int seq = out.size();
            for (Claimed r : wanted) {
                bind(ps, claim.nodeId(), claim.leaseUntil(), claim.batch(), seq++, now, campaignId, r.subscriberId(), state);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) if (counts[i] == 1) out.add(wanted.get(i));
        }
        if (!gone.isEmpty()) skip(c, gone, state, now);
    }

    private void skip(Connection c, List<Claimed> rows, String state, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(q.get("skip-row"));
             PreparedStatement ev = c.prepareStatement(q.get("insert-event"))) {
            for (Claimed r : rows) {
                String why = r.email() == null ? "subscriber deleted" : "subscriber no longer confirmed";
                bind(ps, why, now, r.campaignId(), r.subscriberId(), state);
                ps.addBatch();
                bind(ev, now, r.campaignId(), r.subscriberId(), r.email(), "skipped", why, false);
                ev.addBatch();
            }
            ps.executeBatch();
            ev.executeBatch();
        }
    }

    /** Writes a batch of outcomes, their log lines and bounce counts in one transaction. */
    public void record(List<Outcome> outcomes, String nodeId) {
        if (outcomes.isEmpty()) return;
        db.inTransaction(c -> {
            Instant now = Instant.now();
            try (PreparedStatement upd = c.prepareStatement(q.get("record-outcome"));
                 PreparedStatement rel = c.prepareStatement(q.get("release-row"));
                 PreparedStatement ev = c.prepareStatement(q.get("insert-event"))) {
                for (Outcome o : outcomes) add(o, nodeId, now, upd, rel, ev);
                upd.executeBatch();
                rel.executeBatch();
                ev.executeBatch();
            }
            bounces(c, outcomes, now);
            return null;
        });
        db.withConnection(c -> exec(c, "durability-barrier"));
    }

    private static void add(Outcome o, String nodeId, Instant now, PreparedStatement upd, PreparedStatement rel,
                            PreparedStatement ev) throws SQLException {
        Claimed r = o.row();
        if (o.result() == Outcome.Result.RELEASED) {
            bind(rel, now, r.campaignId(), r.subscriberId(), nodeId);
            rel.addBatch();
            return;
        }
        String state = o.result().name().toLowerCase(java.util.Locale.ROOT);
        Instant next = o.nextAttemptAt() == null ? now : o.nextAttemptAt();
        bind(upd, state, r.attempts() + 1, next, Sql.clip(o.reply()), o.uncertain(), now, r.campaignId(), r.subscriberId(), nodeId);
        upd.addBatch();
        bind(ev, now, r.campaignId(), r.subscriberId(), r.email(), state, Sql.clip(o.reply()), r.possibleDuplicate() || o.uncertain());
        ev.addBatch();
    }

    private void bounces(Connection c, List<Outcome> outcomes, Instant now) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(q.get("count-bounce"));
             PreparedStatement mark = c.prepareStatement(q.get("mark-bounced"))) {
            boolean any = false;
            for (Outcome o : outcomes) {
                if (!o.bounce()) continue;
                any = true;
                bind(count, now, o.row().subscriberId());
                count.addBatch();
                bind(mark, now, now, o.row().subscriberId(), bounceThreshold);
                mark.addBatch();
            }
            if (!any) return;
            count.executeBatch();
            mark.executeBatch();
        }
    }

    /**
     * Re-queues rows left 'sending' by a sender that died (lease expired, or no heartbeat since {@code aliveSince}).
     * A sender sends a batch in order and is never more than {@code inFlight} messages ahead of its recorded
     * outcomes, so only the first {@code inFlight} unrecorded rows of each batch can have gone out: those are
     * marked possible duplicates and logged; the rest go back as they were. Returns how many were marked.
     * <p>
     * The caller's own rows ({@code selfNodeId}) are recovered by their lease only: its heartbeat may read stale
     * after the database refused writes for a while, yet its senders are alive and may be sending that batch (they
     * stop within {@link Node#SEND_WINDOW} of the last written heartbeat, which is what makes the test safe for
     * other nodes' rows).
     */
    public int recoverOrphans(long campaignId, String selfNodeId, Instant aliveSince, int inFlight) {
        return db.inTransaction(c -> {
            Instant now = Instant.now();
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(q.get("orphaned-rows"))) {
                bind(ps, campaignId, now, selfNodeId, aliveSince);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4)});
                }
            }
            int marked = 0, inBatch = 0;
            Object batch = null;
            try (PreparedStatement upd = c.prepareStatement(q.get("requeue-orphan"));
                 PreparedStatement ev = c.prepareStatement(q.get("insert-event"))) {
                for (Object[] r : rows) {
                    inBatch = java.util.Objects.equals(batch, r[3]) ? inBatch + 1 : 0;
                    batch = r[3];
                    boolean mayHaveGone = inBatch < inFlight || r[3] == null;
                    bind(upd, mayHaveGone, now, campaignId, r[0], r[1]);
                    if (upd.executeUpdate() != 1 || !mayHaveGone) continue;
                    marked++;
                    bind(ev, now, campaignId, r[0], r[2], "requeued", "sender " + r[1] + " stopped while this message was in flight; it may have been delivered", true);
                    ev.executeUpdate();
                }
            }
            return marked;
        });
    }

    private int exec(Connection c, String query, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(q.get(query))) {
            bind(ps, args);
            return ps.execute() ? 0 : ps.getUpdateCount();
        }
    }
}
