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

    /** @param port 0 picks a free port */
    public record Settings(String host, int port, boolean trustProxy, String newsletterName) {
        public static Settings from(Config c) {
            return new Settings(c.string("server.host"), c.integer("server.port"), c.bool("server.trust-proxy"), c.string("newsletter.name"));
        }
    }

    private final Settings settings;
    private final Javalin app;

    public WebServer(Settings settings, OptIn optIn, List<HealthCheck> checks) {
        this.settings = settings;
        Pages pages = new Pages(settings.newsletterName());
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.jetty.multipartConfig.maxTotalRequestSize(MAX_BODY_BYTES, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(MAX_BODY_BYTES, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize((int) MAX_BODY_BYTES, SizeUnit.BYTES);
        });
        app.before(SecurityHeaders::apply);
        app.before(WebServer::limitBody);
        ErrorPages.register(app, pages);
        Routes.register(app, new ReaderHandlers(optIn, pages, new ClientAddress(settings.trustProxy())), new SystemHandlers(checks));
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

    /** A body larger than forms need is refused from its Content-Length; one without a length (chunked) is refused too. */
    private static void limitBody(Context ctx) {
        if (!"POST".equals(ctx.method().name())) return;
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY_BYTES) throw new io.javalin.http.ContentTooLargeResponse();
        if (length < 0 && ctx.header("Transfer-Encoding") != null) throw new io.javalin.http.HttpResponseException(411, "Length required");
    }
}
