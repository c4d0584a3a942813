package org.mailroom.delivery;

import org.mailroom.MailroomException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * One sender thread with one SMTP connection: claims a batch, sends it message by message through the shared
 * rate limit, hands outcomes to the {@link Recorder}. Rows it cannot send (pause, cancel, relay lost, shutdown) are
 * given back without counting an attempt.
 */
final class Worker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final long IDLE_CLOSE_NANOS = 5_000_000_000L;
    /**
     * Messages a thread may send ahead of its recorded outcomes: after a crash, at most these per batch are in doubt.
     * 16, not 4: with 4 connections the recorder then commits up to 64 outcomes at once instead of 16, and each H2
     * commit rewrites the touched B-tree pages (MVStore.storeNow was 60% of the recorder's CPU in a JFR profile).
     */
    static final int IN_FLIGHT = 16;
    /**
     * A batch older than this is given back rather than finished: a thread that stalled (a long GC pause, a slow
     * database) must not keep sending rows that recovery may already have handed to another sender.
     */
    private static final long BATCH_MAX_NANOS = 2_000_000_000L;
    private final java.util.concurrent.Semaphore ahead = new java.util.concurrent.Semaphore(IN_FLIGHT);
    private final Sender s;
    private Mailer.Connection conn;
    /** This thread's recent messages per second: a claim is about one second of work, well inside the batch age limit. */
    private double perSecond = Double.MAX_VALUE;
    private long lastWork = System.nanoTime();

    Worker(Sender sender) {
        this.s = sender;
    }

    @Override
    public void run() {
        try {
            while (s.running()) {
                try {
                    boolean worked = step();
                    s.stepSucceeded(); // also when idle: a past failure must not keep /health down once nothing fails
                    if (!worked) idle();
                } catch (MailroomException e) {
                    log.error("sending: {}", e.getMessage());
                    s.claimFailed(e.getMessage());
                    Thread.sleep(1000);
                } catch (RuntimeException e) {
                    // a bug must not silently take a sender thread away
                    log.error("sending: unexpected error", e);
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (conn != null) conn.close();
        }
    }

    /** Works on the first sending campaign that has due rows; false when there was nothing to do. */
    private boolean step() throws InterruptedException {
        if (!s.node.mayStillSend()) {
            Thread.sleep(100); // the heartbeat cannot be written: other nodes may soon take this node's rows back
            return true;
        }
        if (!s.gate.ready()) {
            Thread.sleep(Math.min(1000, Math.max(10, s.gate.waitMillis())));
            return true;
        }
        for (long id : s.active()) {
            int size = (int) Math.max(1, Math.min(s.settings.claimSize(), perSecond));
            List<Claimed> batch;
            try {
                batch = s.deliveries.claim(id, s.nodeId, size, s.settings.lease());
            } catch (DeliveryStore.UnsentClaim e) {
                for (Claimed r : e.rows) s.recorder.submit(Outcome.released(r));
                throw e;
            }
            if (batch.isEmpty()) {
                if (s.campaigns.finishIfDone(id)) s.finished(id);
                continue;
            }
            send(id, batch);
            lastWork = System.nanoTime();
            return true;
        }
        return false;
    }

    /** Rows not attempted (stop, pause, cancel, relay lost, an error) go back unmarked: they never left. */
    private void send(long campaignId, List<Claimed> batch) throws InterruptedException {
        long claimed = System.nanoTime();
        int i = 0;
        Envelope following = null; // row i's, made when it was announced as the next one
        try {
            while (i < batch.size() && s.running() && s.isActive(campaignId) && connected()) {
                s.rate.acquire();
                ahead.acquire();
                if (System.nanoTime() - claimed > BATCH_MAX_NANOS || !s.node.mayStillSend()) {
                    ahead.release();
                    break;
                }
                Outcome o;
                try {
                    Envelope envelope = following != null ? following : s.returnPath.of(batch.get(i));
                    following = i + 1 < batch.size() ? s.returnPath.of(batch.get(i + 1)) : null;
                    conn.next(following);
                    o = sendOne(batch.get(i), envelope);
                } catch (RuntimeException e) {
                    ahead.release();
                    throw e;
                }
                i++; // attempted: from here on, if its outcome is lost the row stays 'sending' and is recovered marked
                s.recorder.submit(o, ahead::release);
            }
        } finally {
            // stopped early: the next row's envelope may already be open on the connection; closing abandons it unsent
            if (i < batch.size() && conn != null) conn.close();
            for (Claimed r : batch.subList(i, batch.size())) s.recorder.submit(Outcome.released(r));
            double seconds = (System.nanoTime() - claimed) / 1e9;
            if (i > 0) perSecond = i / Math.max(seconds, 0.001);
        }
    }

    private Outcome sendOne(Claimed row, Envelope envelope) {
        Mailer.Data message;
        try {
            message = s.messages.message(row);
        } catch (MailroomException e) {
            return new Outcome(row, Outcome.Result.FAILED, null, "cannot build the message: " + e.getMessage(), false);
        }
        SmtpReply reply = conn.send(envelope, message);
        if (!conn.isOpen()) conn = null;
        return outcome(row, reply);
    }

    private Outcome outcome(Claimed row, SmtpReply reply) {
        if (reply.accepted()) return new Outcome(row, Outcome.Result.SENT, null, reply.toString(), false);
        if (reply.permanent()) return new Outcome(row, Outcome.Result.FAILED, null, reply.toString(), true);
        int attempts = row.attempts() + 1;
        if (attempts >= s.settings.maxAttempts())
            return new Outcome(row, Outcome.Result.FAILED, null, "gave up after " + attempts + " attempts: " + reply, false);
        return new Outcome(row, Outcome.Result.DEFERRED, Instant.now().plus(s.settings.retryDelay(attempts)), reply.toString(), false,
            reply.code() == -1);
    }

    private boolean connected() {
        if (conn != null && conn.isOpen()) return true;
        conn = null;
        if (!s.gate.ready()) return false;
        try {
            conn = s.mailer.connect();
            s.gate.up();
            return true;
        } catch (RelayUnreachableException e) {
            s.gate.down(e.getMessage());
            return false;
        }
    }

    private void idle() throws InterruptedException {
        if (conn != null && System.nanoTime() - lastWork > IDLE_CLOSE_NANOS) {
            conn.close();
            conn = null;
        }
        Thread.sleep(100);
    }
}
