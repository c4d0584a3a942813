package org.mailroom.subscriber;

import java.time.Instant;

/**
 * One person on the list with their consent record: when and how they subscribed (source, IP),
 * confirmed, and left.
 *
 * @param leftSource     link | one-click | import | bounce | complaint | operator, or null
 * @param leftCampaignId the campaign whose unsubscribe link was used, or null
 */
public record Subscriber(long id, String email, String name, Status status, Instant createdAt,
                         Instant subscribedAt, String subscribedSource, String subscribedIp, Instant confirmationSentAt,
                         Instant confirmedAt, String confirmedIp, Instant leftAt, String leftSource, Long leftCampaignId) {
}
