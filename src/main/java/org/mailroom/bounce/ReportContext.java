package org.mailroom.bounce;

import java.time.Instant;

/**
 * What the readers of one report share: when it arrived, its id, who the envelope says it is about, and
 * its raw text (ISO-8859-1, so every byte is one char and nothing fails to decode) for the fallbacks.
 */
record ReportContext(Instant receivedAt, String reportId, Identities.Claim envelope, String rawText) {

    /** A bounce for one recipient; the claim (from a signed value) names the subscriber when there is one. */
    Bounce bounce(Identities.Claim claim, String email, BounceType type, String status, String reason, BounceSource source) {
        Identities.Claim c = claim == null ? Identities.Claim.NONE : claim;
        return new Bounce(c.subscriberId(), email, c.campaignId(), type, status, trim(reason), source, receivedAt, reportId);
    }

    static String trim(String reason) {
        if (reason == null) return null;
        String r = reason.replaceAll("\\s+", " ").strip();
        if (r.isEmpty()) return null;
        return r.length() > 1000 ? r.substring(0, 1000) : r;
    }
}
