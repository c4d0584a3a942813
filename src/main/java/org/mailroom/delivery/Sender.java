package org.mailroom.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drains every sending campaign: {@code delivery.concurrency} threads, each with its own SMTP connection kept
 * open, claiming batches from the database; one monitor thread keeps the list of sending campaigns fresh and
 * recovers rows left in flight by senders that died.
 */
public final class Sender implements AutoCloseable, RelayGate.Listener {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    final CampaignStore campaigns;
    final DeliveryStore deliveries;
    final Mailer mailer;
    final ReturnPath returnPath;
    final CampaignMessages messages;
    final SenderSettings settings;
    final Node node;
    final String nodeId;
    final RateLimiter rate;
    final RelayGate gate = new RelayGate(this);
    final Recorder recorder;
    private Thread recorderThread;
    private volatile List<Long> active = List.of();
    private volatile boolean running;
    private ExecutorService pool;
    private ScheduledExecutorService monitor;
    private final AtomicInteger ticks = new AtomicInteger();
    /** Why sender threads cannot claim right now (the database refuses writes...), or null; for /health. */
    private volatile String claimFailure;
    /** Since when claims fail: a single deadlock retried a second later is no reason to report sending stopped. */
    private volatile long claimFailingSince;

    Sender(CampaignStore campaigns, DeliveryStore deliveries, Mailer mailer, ReturnPath returnPath, CampaignMessages messages,
           SenderSettings settings, Node node) {
        this.campaigns = campaigns;
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.returnPath = returnPath;
        this.messages = messages;
        this.settings = settings;
        this.node = node;
        this.nodeId = node.id();
        this.rate = new RateLimiter(settings.rate());
        this.recorder = new Recorder(deliveries, nodeId);
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        recover();
        refresh();
        recorderThread = named("mailroom-recorder").newThread(recorder);
        recorderThread.start();
        pool = Executors.newFixedThreadPool(settings.concurrency(), named("mailroom-sender"));
        for (int i = 0; i < settings.concurrency(); i++) pool.execute(new Worker(this));
        monitor = Executors.newSingleThreadScheduledExecutor(named("mailroom-sender-monitor"));
        monitor.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    boolean running() {
        return running;
    }

    void claimFailed(String why) {
        if (claimFailure == null) claimFailingSince = System.nanoTime();
        claimFailure = why;
    }

    void stepSucceeded() {
        if (claimFailure != null) claimFailure = null;
    }

    /**
     * Why sending is stopped, or null while it works: outcomes that cannot be written (senders then hold) or claims
     * the database refuses. Monitors see it on /health.
     */
    public String problem() {
        String recording = recorder.failure();
        if (recording != null) return "delivery outcomes cannot be recorded, sending holds: " + recording;
        String claiming = claimFailure;
        if (claiming == null || System.nanoTime() - claimFailingSince < 2_000_000_000L) return null;
        return "cannot claim deliveries, sending holds: " + claiming;
    }

    List<Long> active() {
        return active;
    }

    boolean isActive(long campaignId) {
        return active.contains(campaignId);
    }

    /** Sees a pause, cancel or new campaign within a quarter of a second. */
    private void tick() {
        try {
            refresh();
            if (ticks.incrementAndGet() % 8 == 0) recover();
        } catch (RuntimeException e) {
            log.warn("delivery monitor: {}", e.getMessage());
        }
    }

    void refresh() {
        active = List.copyOf(campaigns.idsWithStatus(CampaignStatus.SENDING));
        messages.retain(active);
    }

    private void recover() {
        Instant aliveSince = Instant.now().minus(Node.STALE);
        for (long id : campaigns.idsWithStatus(CampaignStatus.SENDING)) {
            int n = deliveries.recoverOrphans(id, nodeId, aliveSince, Worker.IN_FLIGHT);
            if (n > 0) log.warn("campaign {}: {} deliveries were in flight when their sender stopped; re-queued and marked possible duplicates", id, n);
        }
    }

    void finished(long campaignId) {
        refresh();
        campaigns.progress(campaignId).ifPresent(p -> {
            String detail = "sent " + p.sent() + ", failed " + p.failed() + ", skipped " + p.skipped();
            campaigns.event(campaignId, "finished", detail);
            log.info("campaign {} finished: {}", campaignId, detail);
        });
    }

    @Override
    public void relayDown(String reason, Duration retryIn) {
        log.warn("relay unreachable, sending waits (next try in {} s): {}", retryIn.toSeconds(), reason);
        for (long id : active) campaigns.event(id, "relay-down", reason + "; waiting, no recipient is failed for it");
    }

    @Override
    public void relayUp() {
        log.info("relay reachable again, sending resumes");
        for (long id : active) campaigns.event(id, "relay-up", "sending resumes");
    }

    /** Waits until no sending campaign is left or the timeout passes; true when none is left. */
    public boolean awaitIdle(long campaignId, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (campaigns.find(campaignId).map(c -> c.status() != CampaignStatus.SENDING).orElse(true)) return true;
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public synchronized void close() {
        if (!running) return;
        running = false;
        monitor.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) pool.shutdownNow();
            monitor.awaitTermination(5, TimeUnit.SECONDS);
            recorder.stop();
            recorderThread.join(30_000);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
