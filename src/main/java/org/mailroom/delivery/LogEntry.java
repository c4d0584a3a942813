package org.mailroom.delivery;

import java.time.Instant;

/** One line of the delivery log: a recipient's outcome, or a campaign event when email is null. */
public record LogEntry(long id, Instant at, long campaignId, String email, String outcome, String detail,
                       boolean possibleDuplicate) {

    /** time, campaign, recipient, outcome, SMTP reply: tab-separated so that scripts can cut it. */
    public String format() {
        return at + "\tcampaign " + campaignId + "\t" + (email == null ? "-" : email) + "\t" + outcome
            + (possibleDuplicate ? " (possible duplicate)" : "") + "\t" + (detail == null ? "" : detail);
    }
}
