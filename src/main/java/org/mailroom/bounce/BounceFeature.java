package org.mailroom.bounce;

import io.javalin.Javalin;
import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.subscriber.Tokens;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import java.time.Clock;
import java.util.Optional;

/**
 * The bounce feature put together from the configuration, for {@code App} to build at start and wire:
 * {@link #registerWebhook} into the route table, {@link #schedule} into the scheduler, {@link #verp} into
 * delivery (the envelope sender per recipient), {@link #rates} and {@link #store} into the operator's page
 * and {@code /metrics}.
 *
 * @param poller present when {@code bounce.mailbox} is set
 */
public record BounceFeature(BounceStore store, BounceRules rules, ReportHandler handler, Verp verp, BounceRates rates,
                            Optional<MailboxPoller> poller, int pollSeconds, CampaignLookup campaigns) {
    static final int MAILBOX_TIMEOUT_SECONDS = 60;

    /**
     * @param secret    the key VERP tokens are signed with (the {@code security.secret} bytes will do: the VERP MAC has its own purpose prefix)
     * @param tokens    verifies unsubscribe tokens in returned headers
     * @param campaigns finds a campaign by a sent Message-ID (delivery's); {@link CampaignLookup#NONE} until then
     * @param sent      messages sent per campaign (delivery's), the denominator of the rates
     * @param listener  told of each bounce inside its transaction (delivery's log); {@link BounceListener#NONE} until then
     */
    public static BounceFeature create(Config config, Database db, byte[] secret, Tokens tokens, CampaignLookup campaigns,
                                       BounceRates.SentCounts sent, BounceListener listener) {
        BounceStore store = new BounceStore(db);
        BounceRules rules = BounceRules.from(config, store, listener);
        Verp verp = Verp.from(config, secret);
        ReportHandler handler = new ReportHandler(new ReportParser(verp, tokens, campaigns), store, rules, Clock.systemUTC());
        Optional<MailboxPoller> poller = config.isSet("bounce.mailbox")
            ? Optional.of(new MailboxPoller(MailboxUrl.parse(config.string("bounce.mailbox")), handler, MAILBOX_TIMEOUT_SECONDS))
            : Optional.empty();
        return new BounceFeature(store, rules, handler, verp, new BounceRates(store, sent), poller,
            Math.max(1, config.integer("bounce.poll-seconds")), campaigns);
    }

    /** Adds {@code POST /webhooks/bounce}. */
    public void registerWebhook(Javalin app, String adminToken) {
        BounceWebhook.register(app, rules, adminToken, campaigns);
    }

    /** Polls the mailbox every {@code bounce.poll-seconds}, or removes the schedule when no mailbox is set. */
    public void schedule(Scheduler scheduler) throws SchedulerException {
        if (poller.isPresent()) BouncePollJob.register(scheduler, poller.get(), pollSeconds);
        else BouncePollJob.unregister(scheduler);
    }
}
