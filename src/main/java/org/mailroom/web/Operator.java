package org.mailroom.web;

import org.mailroom.bounce.BounceRates;
import org.mailroom.delivery.Delivery;
import org.mailroom.delivery.IssueRenderer;
import org.mailroom.operator.Metrics;
import org.mailroom.operator.OperatorStore;
import org.mailroom.smtp.Outbox;
import org.mailroom.subscriber.SubscriberStore;

/**
 * What the operator's pages, /metrics and the archive need from the other features, built by {@code App}.
 *
 * @param renderer renders an issue with its lint warnings, for the new-campaign form's preview
 * @param outbox   the embedded SMTP server's messages, or null when a relay is configured
 * @param baseUrl  the public URL, without trailing slash: the archive's links and the feed's ids
 */
public record Operator(Delivery delivery, IssueRenderer renderer, OperatorStore store, BounceRates rates,
                       SubscriberStore subscribers, Outbox outbox, Metrics metrics, String adminToken, String baseUrl) {

    /** Cookies only over https when the public URL is https. */
    boolean secureCookies() {
        return baseUrl.startsWith("https:");
    }
}
