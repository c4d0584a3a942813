package org.mailroom;

import org.mailroom.bounce.Bounce;
import org.mailroom.bounce.BounceFeature;
import org.mailroom.bounce.BounceRecorder;
import org.mailroom.config.Config;
import org.mailroom.delivery.Delivery;
import org.mailroom.issue.IssueRenderer;
import org.mailroom.issue.RenderSettings;
import org.mailroom.web.CampaignApi;
import org.mailroom.db.Database;
import org.mailroom.smtp.EmbeddedSmtpServer;
import org.mailroom.smtp.Outbox;
import org.mailroom.smtp.SmtpSettings;
import org.mailroom.smtp.TransportMailer;
import org.mailroom.subscriber.ConfirmationEmail;
import org.mailroom.subscriber.OptIn;
import org.mailroom.subscriber.SecretFile;
import org.mailroom.subscriber.SubscriberStore;
import org.mailroom.subscriber.Tokens;
import org.mailroom.operator.Metrics;
import org.mailroom.operator.OperatorStore;
import org.mailroom.web.HealthCheck;
import org.mailroom.web.Operator;
import org.mailroom.web.WebServer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * serve, wired by hand: configuration, database, tokens, the list, SMTP (embedded or a relay), delivery with its
 * scheduler, bounces, the web server.
 * Everything is built with {@code new} in {@link #start}; {@link #close} stops it in reverse order.
 */
public final class App implements AutoCloseable {
    private final List<AutoCloseable> started = new ArrayList<>();
    private Database db;
    private EmbeddedSmtpServer embeddedSmtp;
    private WebServer web;
    private SubscriberStore subscribers;
    private Delivery delivery;
    private Outbox outbox;

    private App() {}

    public static App start(Config config) {
        App app = new App();
        try {
            app.build(config);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private void build(Config config) {
        db = opened(Database.open(config));
        byte[] secret = SecretFile.tokenSecret(config);
        Tokens tokens = new Tokens(secret);
        String adminToken = SecretFile.adminToken(config);
        subscribers = new SubscriberStore(db);
        SmtpSettings smtp = smtp(config);
        TransportMailer mailer = new TransportMailer(smtp, config.string("mail.from"));
        // Confirmation emails go out in the background: a subscribe request answers at once, known address or not.
        ExecutorService mailExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "confirmation-mail"));
        started.add(() -> { mailExecutor.shutdown(); mailExecutor.awaitTermination(10, TimeUnit.SECONDS); });
        OptIn optIn = new OptIn(subscribers, tokens, mailer, new ConfirmationEmail(config.string("newsletter.name")),
            OptIn.Settings.from(config), Clock.systemUTC(), mailExecutor);
        Metrics metrics = opened(new Metrics(new OperatorStore(db), subscribers));
        org.mailroom.delivery.IssueRenderer issues = renderer(config);
        // Bounces first: delivery sends with their VERP addresses. Their callbacks into delivery run only later.
        BounceFeature bounces = BounceFeature.create(config, db, secret, tokens, Delivery::campaignOfMessageId,
            id -> delivery.campaigns().progress(id).sent(), this::logBounce);
        delivery = opened(new Delivery(config, db, tokens, issues, metrics.timed(Delivery.mailer(config, smtp)),
            bounces.verp()::envelopeSender));
        metrics.rates(bounces.rates());
        List<HealthCheck> health = List.of(new HealthCheck("database", () -> db.withConnection(c -> c.isValid(2))),
            HealthCheck.reporting("delivery", () -> delivery.problem()));
        CampaignApi api = new CampaignApi(delivery.campaigns(), adminToken, config.integer("render.max-bytes"));
        Operator operator = new Operator(delivery, issues, new OperatorStore(db), bounces.rates(), subscribers, outbox, metrics,
            adminToken, config.string("base.url").replaceAll("/+$", ""));
        web = opened(new WebServer(WebServer.Settings.from(config), optIn, health, api, app -> bounces.registerWebhook(app, adminToken), operator).start());
        delivery.serve();
        try {
            bounces.schedule(delivery.scheduler());
        } catch (org.quartz.SchedulerException e) {
            throw new MailroomException("cannot schedule the bounce mailbox poll: " + e.getMessage(), e);
        }
    }

    /** The renderer every campaign goes through: the issue as editors wrote it, rendered once when the campaign is made. */
    public static org.mailroom.delivery.IssueRenderer renderer(Config config) {
        IssueRenderer issues = new IssueRenderer(RenderSettings.from(config));
        return (file, markdown) -> issues.render(file, markdown).content();
    }

    /** A bounce with a known campaign is also a line in that campaign's delivery log, in the same transaction. */
    private void logBounce(java.sql.Connection c, Bounce b, BounceRecorder.Outcome outcome) throws java.sql.SQLException {
        if (b.campaignId() == null) return;
        String what = b.type().name().toLowerCase(java.util.Locale.ROOT);
        String detail = (b.status() == null ? "" : b.status() + " ") + (b.reason() == null ? "" : b.reason());
        delivery.store().event(c, b.campaignId(), b.subscriberId(), b.email(), what.equals("complaint") ? "complaint" : "bounce-" + what, detail.strip());
    }

    /** The relay's settings; with {@code smtp.host=embedded}, starts the in-process server and points at it. */
    private SmtpSettings smtp(Config config) {
        SmtpSettings settings = SmtpSettings.from(config);
        if (!settings.embedded()) return settings;
        outbox = new Outbox(Path.of(config.string("data.dir")).resolve("outbox"));
        embeddedSmtp = opened(EmbeddedSmtpServer.start(settings.port(), outbox));
        return settings.at("127.0.0.1", embeddedSmtp.port());
    }

    private <T extends AutoCloseable> T opened(T part) {
        started.add(part);
        return part;
    }

    public int httpPort() {
        return web.port();
    }

    public Database database() {
        return db;
    }

    public Delivery delivery() {
        return delivery;
    }

    public SubscriberStore subscribers() {
        return subscribers;
    }

    /** The embedded SMTP server, or null when a relay is configured. */
    public EmbeddedSmtpServer embeddedSmtp() {
        return embeddedSmtp;
    }

    /** Stops the web server first (no new requests), then mail, then the database. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(App.class).warn("stopping {}: {}", started.get(i), e.getMessage());
            }
        }
        started.clear();
    }
}
