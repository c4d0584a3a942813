package org.mailroom.delivery;

import java.time.Instant;

/** Decides when a campaign starts; Quartz's JDBC job store in production, so schedules survive restarts. */
public interface CampaignScheduler {
    void schedule(long campaignId, Instant at);

    void unschedule(long campaignId);
}
