package org.mailroom.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import org.mailroom.MailroomException;
import org.mailroom.config.Config;
import org.mailroom.subscriber.OptIn;

import java.util.List;

/** serve's HTTP server: Javalin on {@code server.host}:{@code server.port} with the routes of {@link Routes}. */
public final class WebServer implements AutoCloseable {
    /** Forms are small; anything larger is refused before it is read. */
    static final long MAX_BODY_BYTES = 16 * 1024;
    /** Bounce webhooks carry a report, not an issue. */
    static final long MAX_WEBHOOK_BYTES = 256 * 1024;

    /** @param port 0 picks a free port */
    /** @param maxIssueBytes the largest issue the editors' API takes (render.max-bytes) */
    public record Settings(String host, int port, boolean trustProxy, String newsletterName, long maxIssueBytes) {
        public static Settings from(Config c) {
            return new Settings(c.string("server.host"), c.integer("server.port"), c.bool("server.trust-proxy"), c.string("newsletter.name"),
                c.integer("render.max-bytes"));
        }
    }

    private final Settings settings;
    private final Javalin app;

    public WebServer(Settings settings, OptIn optIn, List<HealthCheck> checks) {
        this(settings, optIn, checks, Routes.Staff.NONE);
    }

    /** With the editors' API and the bounce webhook: {@code webhooks} adds its routes to the app. */
    public WebServer(Settings settings, OptIn optIn, List<HealthCheck> checks, CampaignApi campaigns, java.util.function.Consumer<Javalin> webhooks) {
        this(settings, optIn, checks, new Routes.Staff(campaigns, webhooks, null, settings.trustProxy()));
    }

    /** With the operator's pages, /metrics and the public archive as well. */
    public WebServer(Settings settings, OptIn optIn, List<HealthCheck> checks, CampaignApi campaigns, java.util.function.Consumer<Javalin> webhooks,
                     Operator operator) {
        this(settings, optIn, checks, new Routes.Staff(campaigns, webhooks, operator, settings.trustProxy()));
    }

    private WebServer(Settings settings, OptIn optIn, List<HealthCheck> checks, Routes.Staff staff) {
        this.settings = settings;
        long largest = Math.max(MAX_WEBHOOK_BYTES, settings.maxIssueBytes());
        Pages pages = new Pages(settings.newsletterName());
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = largest;
            // An issue uploaded in the admin form is the largest multipart body; limitBody keeps other forms small.
            cfg.jetty.multipartConfig.maxTotalRequestSize(largest, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(largest, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize((int) MAX_BODY_BYTES, SizeUnit.BYTES);
        });
        app.before(SecurityHeaders::apply);
        app.before(ctx -> limitBody(ctx, settings));
        ErrorPages.register(app, pages);
        Routes.register(app, new ReaderHandlers(optIn, pages, new ClientAddress(settings.trustProxy())), new SystemHandlers(checks), staff, pages);
    }

    public WebServer start() {
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            throw new MailroomException("cannot listen on " + settings.host() + ":" + settings.port() + " (server.host, server.port): "
                + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        return this;
    }

    /** The port it listens on (the real one when {@code server.port} is 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /**
     * A body larger than its URL needs is refused from its Content-Length (forms 16 KB, webhooks 256 KB, issues
     * render.max-bytes); one without a length (chunked) is refused too.
     */
    private static void limitBody(Context ctx, Settings settings) {
        if (!"POST".equals(ctx.method().name())) return;
        long length = ctx.req().getContentLengthLong();
        String path = ctx.path();
        long limit = path.equals("/api/campaigns") || path.equals("/admin/new/preview") ? settings.maxIssueBytes() : path.startsWith("/webhooks/") ? MAX_WEBHOOK_BYTES : MAX_BODY_BYTES;
        if (length > limit) throw new io.javalin.http.ContentTooLargeResponse();
        if (length < 0 && ctx.header("Transfer-Encoding") != null) throw new io.javalin.http.HttpResponseException(411, "Length required");
    }
}
