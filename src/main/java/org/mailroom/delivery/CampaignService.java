package org.mailroom.delivery;

import org.mailroom.issue.EmailContent;
import org.mailroom.message.MessageSettings;
import org.mailroom.message.MessageTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The editor's and operator's verbs: create a campaign (rendered once, stored with it), start it (audience fixed
 * then), pause, resume, cancel. Rules live here, not in handlers or commands.
 */
public final class CampaignService {
    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    /** A scheduled start later than this is reported as late (the service was down, or busy). */
    static final Duration LATE_AFTER = Duration.ofSeconds(5);
    private final CampaignStore store;
    private final DeliveryStore deliveries;
    private final IssueRenderer renderer;
    private final MessageSettings messageSettings;
    private final CampaignScheduler scheduler;

    public CampaignService(CampaignStore store, DeliveryStore deliveries, IssueRenderer renderer,
                           MessageSettings messageSettings, CampaignScheduler scheduler) {
        this.store = store;
        this.deliveries = deliveries;
        this.renderer = renderer;
        this.messageSettings = messageSettings;
        this.scheduler = scheduler;
    }

    /** Renders the issue, stores it and starts it now ({@code at} null or past) or schedules it. */
    public long create(String fileName, byte[] markdown, Instant at) {
        EmailContent content = render(fileName, markdown);
        Instant now = Instant.now();
        boolean later = at != null && at.isAfter(now);
        long id = store.insert(fileName, content, CampaignStatus.SCHEDULED, later ? at : now);
        IssueKey key = IssueKey.of(fileName, markdown);
        store.update("campaign-set-issue", key.number(), key.date(), id);
        if (later) {
            scheduler.schedule(id, at);
            store.event(id, "scheduled", "starts at " + at);
            log.info("campaign {} ({}) scheduled for {}", id, fileName, at);
        } else {
            start(id);
        }
        return id;
    }

    /** Renders and checks that every header can be built, so a bad issue fails before any row exists. */
    EmailContent render(String fileName, byte[] markdown) {
        EmailContent content = renderer.render(fileName, markdown);
        MessageTemplate.prepare(content, messageSettings);
        return content;
    }

    /** Starts a scheduled campaign (idempotent: a second call does nothing); reports it when late. */
    public void start(long id) {
        Campaign c = get(id);
        if (c.status() != CampaignStatus.SCHEDULED) return;
        Duration late = Duration.between(c.scheduledAt(), Instant.now());
        int audience = deliveries.start(id);
        if (audience < 0) return;
        if (late.compareTo(LATE_AFTER) > 0) {
            store.event(id, "late", "scheduled for " + c.scheduledAt() + ", started " + late.toSeconds() + " s late");
            log.warn("campaign {} is late: scheduled for {}, starting now ({} s late)", id, c.scheduledAt(), late.toSeconds());
        }
        store.event(id, "started", audience + " recipients");
        log.info("campaign {} ({}) started: {} recipients", id, c.sourceFile(), audience);
    }

    public void pause(long id) {
        move(id, CampaignStatus.SENDING, CampaignStatus.PAUSED, "pause");
        store.event(id, "paused", null);
    }

    public void resume(long id) {
        move(id, CampaignStatus.PAUSED, CampaignStatus.SENDING, "resume");
        store.event(id, "resumed", null);
    }

    /** Stops a campaign for good; what is not sent yet is marked cancelled. */
    public void cancel(long id) {
        Campaign c = get(id);
        if (c.status().isFinal() || !store.transition(id, c.status(), CampaignStatus.CANCELLED))
            throw new DeliveryException("campaign " + id + " is " + get(id).status().db() + ": cannot cancel");
        if (c.status() == CampaignStatus.SCHEDULED) scheduler.unschedule(id);
        int n = deliveries.cancelPending(id);
        store.update("campaign-finish-cancelled", Instant.now(), id);
        store.event(id, "cancelled", n + " deliveries not sent");
        log.info("campaign {} cancelled: {} deliveries not sent", id, n);
    }

    private void move(long id, CampaignStatus from, CampaignStatus to, String verb) {
        Campaign c = get(id);
        if (!store.transition(id, from, to))
            throw new DeliveryException("campaign " + id + " is " + c.status().db() + ": cannot " + verb + " (only a " + from.db() + " campaign can)");
    }

    public Campaign get(long id) {
        return store.find(id).orElseThrow(() -> new NoSuchCampaignException(id));
    }

    public Progress progress(long id) {
        return store.progress(id).orElseThrow(() -> new NoSuchCampaignException(id));
    }

    public List<Campaign> list() {
        return store.all();
    }
}
