package org.mailroom.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Several relays behind one {@link Mailer}. Each new connection goes to the reachable relay with the fewest open
 * connections for its weight, so sender threads spread over the relays by weight. A relay that refuses a
 * connection is left out for a backoff (2 s doubling to 60 s) while the others carry on; only when every relay
 * is out does {@link #connect()} fail, and the sender's {@link RelayGate} makes the campaign wait.
 */
final class RelayPool implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(RelayPool.class);
    private static final long FIRST_BACKOFF_MS = 2000;
    private static final long MAX_BACKOFF_MS = 60_000;
    private final List<Member> members = new ArrayList<>();

    RelayPool(List<Relay> relays, Function<Relay, Mailer> client) {
        if (relays.isEmpty()) throw new IllegalArgumentException("a relay pool needs at least one relay");
        for (Relay r : relays) members.add(new Member(r, client.apply(r)));
    }

    @Override
    public Connection connect() throws RelayUnreachableException {
        RelayUnreachableException last = null;
        Set<Member> tried = new HashSet<>();
        for (Member m = reserve(tried); m != null; m = reserve(tried)) {
            tried.add(m);
            try {
                Counted c = new Counted(m.mailer.connect());
                m.connected(c);
                return c;
            } catch (RelayUnreachableException e) {
                m.refused(e.getMessage());
                last = e;
            } finally {
                m.unreserve();
            }
        }
        String why = last == null ? "all are in backoff" : "last error: " + last.getMessage();
        throw new RelayUnreachableException("none of the " + members.size() + " relays (" + members.stream()
            .map(m -> m.relay.toString()).toList() + ") can be reached; " + why, last);
    }

    /**
     * The least loaded relay for its weight among those not tried and not in backoff, counted as loaded while it
     * connects: sender threads that start together must not all pick the same relay.
     */
    private synchronized Member reserve(Set<Member> tried) {
        long now = System.nanoTime();
        Member best = members.stream().filter(m -> !tried.contains(m) && m.available(now))
            .min(Comparator.comparingDouble(Member::load)).orElse(null);
        if (best != null) best.connecting++;
        return best;
    }

    /** The open connections and backoff of one relay; guarded by the pool. */
    private final class Member {
        final Relay relay;
        final Mailer mailer;
        /** A sender thread may drop a connection that the relay cut without closing it: only open ones count. */
        final List<Counted> connections = new ArrayList<>();
        int connecting;
        int failures;
        long retryAtNanos;

        Member(Relay relay, Mailer mailer) {
            this.relay = relay;
            this.mailer = mailer;
        }

        boolean available(long now) {
            return failures == 0 || now - retryAtNanos >= 0;
        }

        double load() {
            connections.removeIf(c -> !c.isOpen());
            return (connections.size() + connecting + 1.0) / relay.weight();
        }

        void unreserve() {
            synchronized (RelayPool.this) {
                connecting--;
            }
        }

        void connected(Counted c) {
            synchronized (RelayPool.this) {
                connections.add(c);
                if (failures > 0) log.info("relay {} reachable again", relay);
                failures = 0;
            }
        }

        void refused(String reason) {
            synchronized (RelayPool.this) {
                failures++;
                long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(16, failures - 1));
                retryAtNanos = System.nanoTime() + delay * 1_000_000;
                log.warn("relay {} unreachable, left out for {} s while the others carry on: {}", relay, delay / 1000, reason);
            }
        }
    }

    /** A relay's connection as the pool counts it: open until closed or cut. */
    private static final class Counted implements Connection {
        private final Connection c;
        private volatile boolean closed;

        Counted(Connection c) {
            this.c = c;
        }

        @Override
        public SmtpReply send(Envelope envelope, Data message) {
            return c.send(envelope, message);
        }

        @Override
        public void next(Envelope envelope) {
            c.next(envelope);
        }

        @Override
        public boolean isOpen() {
            return !closed && c.isOpen();
        }

        @Override
        public void close() {
            closed = true;
            c.close();
        }
    }
}
