package org.mailroom.web;

import io.javalin.http.Context;
import org.mailroom.subscriber.OptIn;
import org.mailroom.subscriber.Subscriber;

import java.util.HashMap;
import java.util.Map;

/**
 * What readers do on the web: subscribe, confirm, unsubscribe. Thin: the rules are in {@link OptIn}; errors are
 * thrown and turned into pages by {@link ErrorPages}.
 */
final class ReaderHandlers {
    /** The honeypot: a field people do not see (hidden by CSS) and bots fill in. */
    static final String HONEYPOT = "website";

    private final OptIn optIn;
    private final Pages pages;
    private final ClientAddress clientAddress;

    ReaderHandlers(OptIn optIn, Pages pages, ClientAddress clientAddress) {
        this.optIn = optIn;
        this.pages = pages;
        this.clientAddress = clientAddress;
    }

    void subscribeForm(Context ctx) {
        pages.render(ctx, 200, "subscribe", Map.of());
    }

    /**
     * Answers 200 with the check-your-inbox page (no redirect): one round trip for a plain cross-site form post from
     * the newsletter's website, and posting again by reloading is harmless (re-sends are limited). The answer is the
     * same for known and unknown addresses, and for a filled-in honeypot, which is otherwise ignored.
     */
    void subscribe(Context ctx) {
        String honeypot = ctx.formParam(HONEYPOT);
        if (honeypot == null || honeypot.isEmpty()) {
            optIn.subscribe(new OptIn.Request(ctx.formParam("email"), ctx.formParam("name"), clientAddress.of(ctx), "form"));
        }
        pages.render(ctx, 200, "check-inbox", Map.of());
    }

    /**
     * Confirms on GET: the address owner opens the link from the email, and the published interface promises that
     * the link itself confirms. A link scanner that prefetches it can only confirm an address whose mailbox received
     * the email; every campaign carries a one-click unsubscribe, so the harm is small, while a second click would
     * lose real readers.
     */
    void confirm(Context ctx) {
        Subscriber s = optIn.confirm(ctx.pathParam("token"), clientAddress.of(ctx));
        pages.render(ctx, 200, "subscribed", Map.of("email", s.email()));
    }

    /** GET shows one button; it never unsubscribes, because link scanners and previews fetch links. */
    void unsubscribePage(Context ctx) {
        if (testLink(ctx)) return;
        Subscriber s = optIn.unsubscribeTarget(ctx.pathParam("token"));
        Map<String, Object> scope = new HashMap<>();
        scope.put("email", s.email());
        scope.put("action", "/unsubscribe/" + ctx.pathParam("token"));
        scope.put("alreadyLeft", s.status().hasLeft());
        pages.render(ctx, 200, "unsubscribe", scope);
    }

    /** The page's button and RFC 8058 one-click (body {@code List-Unsubscribe=One-Click}) both land here; 200, no redirect. */
    void unsubscribe(Context ctx) {
        if (testLink(ctx)) return;
        boolean oneClick = "One-Click".equals(ctx.formParam("List-Unsubscribe"));
        Subscriber s = optIn.unsubscribe(ctx.pathParam("token"), oneClick ? "one-click" : "link", clientAddress.of(ctx));
        pages.render(ctx, 200, "unsubscribed", Map.of("email", s.email()));
    }

    /** A test send's link (GET or POST) gets a page that says so, and changes nothing: it names no subscriber. */
    private boolean testLink(Context ctx) {
        if (!optIn.isTestLink(ctx.pathParam("token"))) return false;
        pages.render(ctx, 200, "unsubscribe-test", Map.of());
        return true;
    }
}
