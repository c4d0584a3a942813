package org.mailroom.delivery;

import java.util.Map;

/**
 * Counts of a campaign's deliveries. {@code pending} is everything not final yet (queued, being sent or
 * deferred); {@code deferred} is the part of it waiting for a retry.
 */
public record Progress(long campaignId, CampaignStatus status, int audience, long sent, long failed, long deferred,
                       long pending, long skipped, long cancelled) {

    static Progress of(Campaign c, Map<String, Long> byState) {
        long deferred = byState.getOrDefault("deferred", 0L);
        long pending = byState.getOrDefault("queued", 0L) + byState.getOrDefault("sending", 0L) + deferred;
        return new Progress(c.id(), c.status(), c.audience(), byState.getOrDefault("sent", 0L),
            byState.getOrDefault("failed", 0L), deferred, pending, byState.getOrDefault("skipped", 0L),
            byState.getOrDefault("cancelled", 0L));
    }

    /** Deliveries that reached a final state. */
    public long done() {
        return sent + failed + skipped + cancelled;
    }

    public String toJson() {
        return "{\"id\": " + campaignId + ", \"status\": \"" + status.db() + "\", \"audience\": " + audience
            + ", \"sent\": " + sent + ", \"failed\": " + failed + ", \"deferred\": " + deferred
            + ", \"pending\": " + pending + ", \"skipped\": " + skipped + ", \"cancelled\": " + cancelled + "}";
    }
}
