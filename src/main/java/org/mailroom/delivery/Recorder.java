package org.mailroom.delivery;

import org.mailroom.MailroomException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes outcomes from all sender threads as they come, each transaction taking whatever piled up while the
 * previous one committed (group commit). Senders never wait for the database, yet an outcome is on disk about
 * one commit after its message was accepted: after a kill, the messages sent but not recorded are the few in
 * that window. If the database refuses writes, the queue fills and senders stop instead of sending unrecorded.
 */
final class Recorder implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);
    private static final int MAX_BATCH = 256;
    private static final int GOOD_BATCH = 48;
    private static final long LINGER_NANOS = 5_000_000;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(256);
    private final DeliveryStore store;
    private final String nodeId;
    private volatile boolean stopping;
    private volatile String failure;

    Recorder(DeliveryStore store, String nodeId) {
        this.store = store;
        this.nodeId = nodeId;
    }

    /** An outcome, and what to run once it is on disk (or null). */
    private record Entry(Outcome outcome, Runnable durable) {}

    void submit(Outcome o) throws InterruptedException {
        queue.put(new Entry(o, null));
    }

    void submit(Outcome o, Runnable durable) throws InterruptedException {
        queue.put(new Entry(o, durable));
    }

    /** Why outcomes cannot be written right now, or null. */
    String failure() {
        return failure;
    }

    @Override
    public void run() {
        List<Entry> batch = new ArrayList<>(MAX_BATCH);
        List<Outcome> outcomes = new ArrayList<>(MAX_BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                gather(batch);
                for (Entry e : batch) outcomes.add(e.outcome());
                write(outcomes);
                for (Entry e : batch) if (e.durable() != null) e.durable().run();
                batch.clear();
                outcomes.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Takes what is queued, then waits up to {@link #LINGER_NANOS} for a batch of {@link #GOOD_BATCH}: an H2 commit
     * rewrites every B-tree page it touched, so its cost hardly depends on the number of rows in it (a JFR profile of
     * a 20,000-message send: commits of a few rows each were 43% of the process's CPU). Senders are 16 messages ahead
     * per connection, tens of milliseconds of work, so they do not stall for it.
     */
    private void gather(List<Entry> batch) throws InterruptedException {
        long until = System.nanoTime() + LINGER_NANOS;
        queue.drainTo(batch, MAX_BATCH - batch.size());
        while (batch.size() < GOOD_BATCH && !stopping) {
            long left = until - System.nanoTime();
            if (left <= 0) return;
            Entry e = queue.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) return;
            batch.add(e);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    /** Keeps trying: forgetting an outcome would re-send a message that went out. */
    private void write(List<Outcome> batch) throws InterruptedException {
        while (true) {
            try {
                store.record(batch, nodeId);
                failure = null;
                return;
            } catch (MailroomException e) {
                if (failure == null) log.error("cannot record {} delivery outcomes, sending holds until the database takes them: {}", batch.size(), e.getMessage());
                failure = e.getMessage();
                Thread.sleep(1000);
            }
        }
    }

    /** Writes what is queued, then stops. */
    void stop() {
        stopping = true;
    }
}
