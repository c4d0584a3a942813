package org.mailroom.delivery;

import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.issue.EmailContent;
import org.mailroom.message.DkimSigner;
import org.mailroom.message.MessageSettings;
import org.mailroom.message.MessageTemplate;
import org.mailroom.smtp.SmtpSettings;
import org.mailroom.subscriber.Tokens;

/**
 * The delivery feature put together with {@code new}: campaign service, stores, Quartz, sender. {@code serve}
 * calls {@link #serve()}; {@code send --wait} without a running serve calls {@link #sendHere()}; other commands
 * only use {@link #campaigns()}. The database is the caller's to close.
 */
public final class Delivery implements AutoCloseable {
    private final CampaignStore store;
    private final DeliveryStore deliveries;
    private final CampaignService service;
    private final CampaignMessages messages;
    private final Mailer mailer;
    private final ReturnPath returnPath;
    private final SenderSettings settings;
    private final Database db;
    private QuartzScheduling quartz;
    private volatile Node node;
    private volatile Sender sender;

    /** @param verp each reader's own envelope sender when {@code bounce.verp} is set ({@code Verp::envelopeSender}) */
    public Delivery(Config config, Database db, Tokens tokens, IssueRenderer renderer, SmtpSettings smtp, ReturnPath.PerRecipient verp) {
        this(config, db, tokens, renderer, mailer(config, smtp), verp);
    }

    /** The relays of {@code smtp.relays} as one pool (each with smtp.*'s TLS and AUTH) when set, else the one relay. */
    public static Mailer mailer(Config config, SmtpSettings smtp) {
        java.util.List<Relay> relays = Relay.from(config);
        if (relays.isEmpty()) return mailer(smtp);
        return new RelayPool(relays, r -> mailer(smtp.at(r.host(), r.port())));
    }

    /** The fast client for plain relays; Angus Mail for relays that need STARTTLS or AUTH. */
    public static Mailer mailer(SmtpSettings smtp) {
        boolean plain = smtp.tls() == SmtpSettings.Tls.OFF && smtp.username().isBlank();
        return plain ? new DirectSmtp(smtp) : new AngusMailer(smtp);
    }

    /** With another SMTP client (serve's timed one, the command line's, tests, benchmarks). */
    public Delivery(Config config, Database db, Tokens tokens, IssueRenderer renderer, Mailer mailer, ReturnPath.PerRecipient verp) {
        MessageSettings ms = MailSettings.from(config);
        this.db = db;
        this.store = new CampaignStore(db);
        this.deliveries = new DeliveryStore(db, config.integer("delivery.bounce-threshold"));
        this.settings = SenderSettings.from(config);
        this.messages = new CampaignMessages(store, ms, tokens, DkimSigner.from(config).orElse(null));
        this.mailer = mailer;
        this.returnPath = ReturnPath.from(config, verp);
        this.service = new CampaignService(store, deliveries, renderer, ms, new CampaignScheduler() {
            @Override
            public void schedule(long campaignId, java.time.Instant at) {
                scheduling().schedule(campaignId, at);
            }

            @Override
            public void unschedule(long campaignId) {
                scheduling().unschedule(campaignId);
            }
        });
    }

    /** For commands that only look at or steer campaigns (list, log, pause, resume, cancel): no renderer, no SMTP. */
    public static Delivery control(Config config, Database db) {
        IssueRenderer none = (f, md) -> {
            throw new DeliveryException("rendering is not available here");
        };
        Mailer noSmtp = () -> {
            throw new RelayUnreachableException("SMTP is not available here", null);
        };
        return new Delivery(config, db, null, none, noSmtp, ReturnPath.PerRecipient.OFF);
    }

    public CampaignService campaigns() {
        return service;
    }

    public CampaignStore store() {
        return store;
    }

    /** Quartz is opened on first need: the read-only commands never touch it. */
    private synchronized QuartzScheduling scheduling() {
        if (quartz == null) quartz = QuartzScheduling.open(db, service);
        return quartz;
    }

    /** The Quartz scheduler on this database, for other features' jobs. */
    public org.quartz.Scheduler scheduler() {
        return scheduling().scheduler();
    }

    /** The campaign a Message-ID we sent belongs to. */
    public static java.util.Optional<Long> campaignOfMessageId(String messageId) {
        return CampaignMessages.campaignOf(messageId);
    }

    /** Whether a {@code serve} is sending on this database (its heartbeat is fresh). */
    public boolean serveRunning() {
        return Node.alive(store, "serve");
    }

    /**
     * Why this process cannot send right now (the database refuses writes, outcomes cannot be recorded), or null
     * when it can or sends nothing here. For {@code GET /health}.
     */
    public String problem() {
        Sender s = sender;
        Node n = node;
        if (s == null || n == null) return null;
        String sending = s.problem();
        if (sending != null) return sending;
        String beat = n.problem();
        return beat == null ? null : "the database refuses writes: " + beat;
    }

    /** serve: fire schedules (late ones at once) and send every sending campaign until closed. */
    public synchronized void serve() {
        startSender("serve");
        scheduling().start();
    }

    /** send --wait with no serve running: send here, with the same claims and guarantees. */
    public synchronized Sender sendHere() {
        return startSender("send");
    }

    private Sender startSender(String role) {
        if (sender != null) return sender;
        node = Node.register(store, role);
        sender = new Sender(store, deliveries, mailer, returnPath, messages, settings, node);
        sender.start();
        return sender;
    }

    /** A test send of an issue to one address: no campaign rows, the subject starts with [TEST]. */
    public SmtpReply sendTest(String fileName, byte[] markdown, String address) {
        EmailContent c = service.render(fileName, markdown);
        EmailContent test = new EmailContent("[TEST] " + c.subject(), c.html(), c.sourceHtml(), c.text(), c.warnings());
        MessageTemplate t = messages.prepare(test);
        byte[] bytes = t.personalize(messages.recipient(0, Tokens.TEST_SUBSCRIBER, address, null));
        try (Mailer.Connection conn = connect()) {
            return conn.send(returnPath.plain(address), bytes);
        }
    }

    private Mailer.Connection connect() {
        try {
            return mailer.connect();
        } catch (RelayUnreachableException e) {
            throw new DeliveryException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (sender != null) sender.close();
        if (quartz != null) quartz.close();
        if (node != null) node.close();
        sender = null;
        quartz = null;
        node = null;
    }
}
