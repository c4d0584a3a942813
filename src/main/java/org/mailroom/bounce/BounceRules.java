package org.mailroom.bounce;

import org.mailroom.config.Config;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a bounce does to a subscriber. A hard bounce makes a reader still on the list {@code bounced} at
 * once; a complaint makes them {@code complained} (also over {@code bounced}: a complaint must never be
 * mailed again, whatever happens to the address); an {@code unsubscribed} reader stays so, their own
 * choice is the better record. Soft bounces count, one per campaign, and make the reader {@code bounced}
 * at {@code bounce.soft-threshold}. Every bounce is recorded, also for addresses not on the list.
 */
public final class BounceRules implements BounceRecorder {
    private final BounceStore store;
    private final int softThreshold;
    private final BounceListener listener;

    public BounceRules(BounceStore store, int softThreshold, BounceListener listener) {
        if (softThreshold < 1) throw new IllegalArgumentException("bounce.soft-threshold must be at least 1, got " + softThreshold);
        this.store = store;
        this.softThreshold = softThreshold;
        this.listener = listener == null ? BounceListener.NONE : listener;
    }

    public static BounceRules from(Config config, BounceStore store, BounceListener listener) {
        return new BounceRules(store, Math.max(1, config.integer("bounce.soft-threshold")), listener);
    }

    /** Records in a transaction of its own. */
    @Override
    public Outcome record(Bounce bounce) {
        return store.database().inTransaction(c -> record(c, bounce));
    }

    /**
     * Records the bounces of one report (a provider's event) once: a report id seen before records nothing
     * and answers empty, so a provider retrying its delivery changes nothing. A null id records always.
     */
    public Optional<List<Outcome>> recordOnce(String reportId, List<Bounce> bounces, Instant now) {
        return store.database().inTransaction(c -> {
            if (reportId != null && store.seen(c, reportId) != null) return Optional.empty();
            List<Outcome> out = new ArrayList<>();
            for (Bounce b : bounces) out.add(record(c, b));
            if (reportId != null) store.markSeen(c, reportId, "bounce", now);
            return Optional.of(out);
        });
    }

    /** Records inside the caller's transaction (the mailbox poller's, with the report's seen mark). */
    Outcome record(Connection c, Bounce b) throws SQLException {
        BounceStore.Subscriber s = find(c, b);
        Bounce named = s == null || b.email() != null ? b
            : new Bounce(b.subscriberId(), s.email(), b.campaignId(), b.type(), b.status(), b.reason(), b.source(), b.receivedAt(), b.reportId());
        Long id = s == null ? null : s.id();
        long bounceId = store.insertBounce(c, named, id);
        String newStatus = s == null ? null : apply(c, named, s.id(), bounceId);
        Outcome outcome = new Outcome(id, newStatus);
        listener.recorded(c, named, outcome);
        return outcome;
    }

    private String apply(Connection c, Bounce b, long subscriberId, long bounceId) throws SQLException {
        return switch (b.type()) {
            case HARD -> store.markBounced(c, subscriberId, b.receivedAt()) ? "bounced" : null;
            case COMPLAINT -> store.markComplained(c, subscriberId, b.receivedAt()) ? "complained" : null;
            case SOFT -> store.countSoft(c, subscriberId, b.campaignId(), bounceId, softThreshold, b.receivedAt()) ? "bounced" : null;
        };
    }

    /** The signed id first (it survives forwarding and redaction), then the address. */
    private BounceStore.Subscriber find(Connection c, Bounce b) throws SQLException {
        if (b.subscriberId() != null) {
            BounceStore.Subscriber s = store.subscriberById(c, b.subscriberId());
            if (s != null) return s;
        }
        return b.email() == null ? null : store.subscriberByEmail(c, b.email());
    }
}
