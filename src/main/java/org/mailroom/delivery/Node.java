package org.mailroom.delivery;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This process as a sender on the database: a row in {@code node} with a heartbeat every second. Rows claimed by
 * a node whose heartbeat is older than {@link #STALE} are recovered at once instead of after the lease, so a
 * process killed and started again resumes within seconds. {@code send --wait} also uses it to see whether a
 * {@code serve} is running.
 */
public final class Node implements AutoCloseable {
    public static final Duration STALE = Duration.ofSeconds(5);
    /**
     * How long after its last written heartbeat this node may still start a message. Others recover its rows once
     * the heartbeat is {@link #STALE}; the difference covers one message on the wire and modest clock skew between
     * nodes, so no row is sent here after another node took it back.
     */
    static final Duration SEND_WINDOW = Duration.ofSeconds(3);
    private final CampaignStore store;
    private final String id;
    private final ScheduledExecutorService beat;
    /** Why the last heartbeat could not be written, or null: the database refuses writes. */
    private volatile String beatFailure;
    /** System.nanoTime() just before the newest heartbeat that was written. */
    private volatile long beatAt = System.nanoTime();

    private Node(CampaignStore store, String id) {
        this.store = store;
        this.id = id;
        this.beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailroom-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    public static Node register(CampaignStore store, String role) {
        String host = hostName();
        Node n = new Node(store, (host.length() > 40 ? host.substring(0, 40) : host) + "-" + UUID.randomUUID().toString().substring(0, 8));
        Instant now = Instant.now();
        store.update("node-prune", now.minus(Duration.ofDays(1)));
        store.update("node-insert", n.id, role, host, ProcessHandle.current().pid(), now, now);
        n.beat.scheduleWithFixedDelay(n::heartbeat, 1, 1, TimeUnit.SECONDS);
        return n;
    }

    /** Whether a node of this role has beaten recently. */
    public static boolean alive(CampaignStore store, String role) {
        return store.count("nodes-alive", role, Instant.now().minus(STALE)) > 0;
    }

    public String id() {
        return id;
    }

    /**
     * Whether this node may start another message: its heartbeat was written within {@link #SEND_WINDOW}. When the
     * database refuses writes for longer, other nodes (and this node's own recovery, see
     * {@code DeliveryStore.recoverOrphans}) will count it dead and re-queue its rows, so its senders must stop first.
     */
    public boolean mayStillSend() {
        return System.nanoTime() - beatAt < SEND_WINDOW.toNanos();
    }

    /** Why this node's heartbeat cannot be written (the database refuses writes), or null. */
    public String problem() {
        return beatFailure;
    }

    private void heartbeat() {
        try {
            long started = System.nanoTime();
            store.update("node-heartbeat", Instant.now(), id);
            beatAt = started;
            if (beatFailure != null) org.slf4j.LoggerFactory.getLogger(Node.class).info("heartbeat of {} written again", id);
            beatFailure = null;
        } catch (RuntimeException e) {
            if (beatFailure == null) org.slf4j.LoggerFactory.getLogger(Node.class).error("heartbeat of {} failed: {}", id, e.getMessage());
            beatFailure = e.getMessage();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    @Override
    public void close() {
        beat.shutdownNow();
        try {
            beat.awaitTermination(2, TimeUnit.SECONDS);
            store.update("node-delete", id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the database is going away too; the row goes stale by itself
        }
    }
}
