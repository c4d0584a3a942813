package org.mailroom.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.mailroom.MailroomException;
import org.mailroom.subscriber.SubscriberException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/** The one place where exceptions and error statuses become responses. Messages shown never carry secrets. */
final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private ErrorPages() {}

    static void register(Javalin app, Pages pages) {
        app.exception(SubscriberException.class, (e, ctx) -> subscriberError(e, ctx, pages));
        app.exception(MailroomException.class, (e, ctx) -> {
            log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            page(ctx, pages, 500, "Something went wrong", "The server could not do this just now. Please try again later.");
        });
        app.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            page(ctx, pages, 500, "Something went wrong", "The server could not do this just now. Please try again later.");
        });
        app.error(404, ctx -> page(ctx, pages, 404, "Page not found", "There is no page at this address."));
        app.error(405, ctx -> page(ctx, pages, 405, "Not allowed", "This address does not take that kind of request."));
        app.error(411, ctx -> page(ctx, pages, 411, "Length required", "A form sent here must say how long it is."));
        app.error(413, ctx -> page(ctx, pages, 413, "Too large", "What was sent is larger than this form accepts."));
    }

    private static void subscriberError(SubscriberException e, Context ctx, Pages pages) {
        switch (e.kind()) {
            case INVALID_LINK -> pages.render(ctx, 400, "invalid-link", Map.of());
            case RATE_LIMITED -> {
                ctx.header("Retry-After", "600");
                page(ctx, pages, 429, "Too many requests", "Please wait a few minutes before you try again.");
            }
            case INVALID_INPUT -> {
                // The form again, with what was typed and what is wrong (mustache escapes both).
                Map<String, Object> scope = new HashMap<>();
                scope.put("error", e.getMessage());
                scope.put("email", ctx.formParam("email"));
                scope.put("name", ctx.formParam("name"));
                pages.render(ctx, 400, "subscribe", scope);
            }
        }
    }

    private static void page(Context ctx, Pages pages, int status, String title, String message) {
        pages.render(ctx, status, "error", Map.of("title", title, "message", message));
    }
}
