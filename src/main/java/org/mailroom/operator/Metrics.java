package org.mailroom.operator;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.mailroom.bounce.BounceRates;
import org.mailroom.delivery.Envelope;
import org.mailroom.delivery.Mailer;
import org.mailroom.subscriber.SubscriberStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /metrics}: deliveries per campaign and state, queue depth, subscribers by status, bounces and complaints
 * (all read from the database at scrape time, so every node of a cluster reports the same figures and a restart
 * loses nothing), the SMTP latency of this node's sends, and JVM basics. No addresses or subjects: only campaign
 * ids, states and counts, so the endpoint can stay open to a scraper.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final OperatorStore store;
    private final SubscriberStore subscribers;
    private final MultiGauge deliveries;
    private final MultiGauge subscriberGauge;
    private final MultiGauge bounces;
    private final Timer smtp;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final MultiGauge bounceRates;
    private final MultiGauge complaintRates;
    private volatile long queueDepth;
    private volatile BounceRates rates;

    public Metrics(OperatorStore store, SubscriberStore subscribers) {
        this.store = store;
        this.subscribers = subscribers;
        deliveries = MultiGauge.builder("mailroom_deliveries").description("Deliveries of a campaign in a state").register(registry);
        subscriberGauge = MultiGauge.builder("mailroom_subscribers").description("Subscribers by status").register(registry);
        bounces = MultiGauge.builder("mailroom_bounces").description("Bounces and complaints recorded, by kind").register(registry);
        bounceRates = MultiGauge.builder("mailroom_campaign_bounce_rate").description("Hard bounces per message sent, by campaign").register(registry);
        complaintRates = MultiGauge.builder("mailroom_campaign_complaint_rate").description("Complaints per message sent, by campaign (warn from 0.001)").register(registry);
        registry.gauge("mailroom_queue_depth", this, m -> m.queueDepth);
        smtp = Timer.builder("mailroom_smtp_send").description("Time for the relay to answer one message")
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The Prometheus text, with the database figures read now. */
    public String scrape() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (OperatorStore.StateCount c : store.deliveryStates())
            rows.add(MultiGauge.Row.of(Tags.of("campaign", String.valueOf(c.campaignId()), "state", c.state()), c.count()));
        deliveries.register(rows, true);
        List<MultiGauge.Row<?>> subs = new ArrayList<>();
        subscribers.countByStatus().forEach((s, n) -> subs.add(MultiGauge.Row.of(Tags.of("status", s.value()), n)));
        subscriberGauge.register(subs, true);
        List<MultiGauge.Row<?>> kinds = new ArrayList<>();
        java.util.Map<String, Long> byKind = store.bounceKinds();
        for (String kind : List.of("hard", "soft", "complaint")) kinds.add(MultiGauge.Row.of(Tags.of("kind", kind), byKind.getOrDefault(kind, 0L)));
        bounces.register(kinds, true);
        queueDepth = store.queueDepth();
        if (rates != null) campaignRates(rates.perCampaign());
        return registry.scrape();
    }

    /** Bounce and complaint rates per campaign, once the bounce feature exists (it is built after delivery, which needs {@link #timed}). */
    public void rates(BounceRates rates) {
        this.rates = rates;
    }

    private void campaignRates(List<BounceRates.CampaignRate> perCampaign) {
        List<MultiGauge.Row<?>> bounce = new ArrayList<>();
        List<MultiGauge.Row<?>> complaint = new ArrayList<>();
        for (BounceRates.CampaignRate r : perCampaign) {
            Tags t = Tags.of("campaign", String.valueOf(r.campaignId()));
            bounce.add(MultiGauge.Row.of(t, r.bounceRate()));
            complaint.add(MultiGauge.Row.of(t, r.complaintRate()));
        }
        bounceRates.register(bounce, true);
        complaintRates.register(complaint, true);
    }

    /**
     * The same SMTP client, each send timed: the latency histogram of this node. With pipelining a send's time is
     * its data's round trip, the next message's envelope riding along.
     */
    public Mailer timed(Mailer mailer) {
        return () -> {
            Mailer.Connection c = mailer.connect();
            return new Mailer.Connection() {
                @Override
                public org.mailroom.delivery.SmtpReply send(Envelope envelope, Mailer.Data message) {
                    long t0 = System.nanoTime();
                    try {
                        return c.send(envelope, message);
                    } finally {
                        smtp.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
                    }
                }

                @Override
                public void next(Envelope envelope) {
                    c.next(envelope); // without it the wrapped client cannot pipeline the next envelope
                }

                @Override
                public boolean isOpen() {
                    return c.isOpen();
                }

                @Override
                public void close() {
                    c.close();
                }
            };
        };
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
