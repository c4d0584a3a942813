package org.mailroom.bounce;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounce and complaint rates per campaign for the operator's page and {@code /metrics}. Complaints are
 * judged by Gmail's sender guidelines: keep them under 0.1%; at 0.3% Gmail starts rejecting.
 */
public final class BounceRates {
    public static final double COMPLAINT_WARNING = 0.001;
    public static final double COMPLAINT_LIMIT = 0.003;

    /** How many messages of a campaign went out; the delivery feature answers it at merge. */
    @FunctionalInterface
    public interface SentCounts {
        long sent(long campaignId);
    }

    /** OK under 0.1%, WARNING from 0.1%, CRITICAL from 0.3% (Gmail's hard limit). */
    public enum Level { OK, WARNING, CRITICAL }

    /**
     * One campaign's figures. Rates are fractions of the messages sent (0.002 = 0.2%), 0 while nothing is
     * known to be sent.
     */
    public record CampaignRate(long campaignId, long sent, long hard, long soft, long complaints,
                               double bounceRate, double complaintRate, Level complaintLevel) {}

    private final BounceStore store;
    private final SentCounts sent;

    public BounceRates(BounceStore store, SentCounts sent) {
        this.store = store;
        this.sent = sent;
    }

    /** Campaigns with at least one bounce or complaint, newest first. */
    public List<CampaignRate> perCampaign() {
        List<CampaignRate> out = new ArrayList<>();
        for (BounceStore.CampaignCounts c : store.countsPerCampaign()) out.add(rate(c, sent.sent(c.campaignId())));
        return out;
    }

    static CampaignRate rate(BounceStore.CampaignCounts c, long sent) {
        // A bounce can arrive for a message the delivery log counts elsewhere (a test send): never divide by less.
        long base = Math.max(sent, Math.max(c.hard() + c.soft(), c.complaints()));
        double bounceRate = base == 0 ? 0 : (double) c.hard() / base;
        double complaintRate = base == 0 ? 0 : (double) c.complaints() / base;
        return new CampaignRate(c.campaignId(), sent, c.hard(), c.soft(), c.complaints(), bounceRate, complaintRate, level(complaintRate));
    }

    static Level level(double complaintRate) {
        if (complaintRate >= COMPLAINT_LIMIT) return Level.CRITICAL;
        if (complaintRate >= COMPLAINT_WARNING) return Level.WARNING;
        return Level.OK;
    }
}
