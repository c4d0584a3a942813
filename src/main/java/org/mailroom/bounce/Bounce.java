package org.mailroom.bounce;

import java.time.Instant;

/**
 * One bounce or complaint about one recipient.
 *
 * @param subscriberId the subscriber named by a signed token (VERP or unsubscribe link), or null: then {@code email} decides
 * @param email        the failed recipient, or null when only a token names it
 * @param campaignId   the campaign the failed message belonged to, or null when unknown
 * @param type         hard, soft or complaint
 * @param status       the RFC 3463 status code such as {@code 5.1.1}, or null
 * @param reason       the diagnostic (SMTP reply, feedback type, provider text), or null
 * @param source       how the report arrived
 * @param receivedAt   when the report arrived
 * @param reportId     the report's own Message-ID (or a hash of its bytes, or the provider's event id), or null
 */
public record Bounce(Long subscriberId, String email, Long campaignId, BounceType type, String status,
                     String reason, BounceSource source, Instant receivedAt, String reportId) {
    public Bounce {
        if (type == null || source == null || receivedAt == null) throw new IllegalArgumentException("a bounce needs a type, a source and a time");
        if (subscriberId == null && (email == null || email.isBlank())) throw new IllegalArgumentException("a bounce needs a subscriber id or an address");
    }
}
