package org.mailroom.delivery;

import java.util.Locale;

/** Where a campaign is: waiting for its time, sending, paused by an operator, done, or stopped for good. */
public enum CampaignStatus {
    SCHEDULED, SENDING, PAUSED, FINISHED, CANCELLED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == FINISHED || this == CANCELLED;
    }
}
