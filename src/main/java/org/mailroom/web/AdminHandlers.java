package org.mailroom.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.mailroom.bounce.BounceRates;
import org.mailroom.delivery.Campaign;
import org.mailroom.delivery.CampaignService;
import org.mailroom.delivery.DeliveryException;
import org.mailroom.delivery.NoSuchCampaignException;
import org.mailroom.delivery.Progress;
import org.mailroom.issue.EmailContent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/** The operator's login and campaigns: the list with live progress, one campaign's page, pause/resume/cancel, previews. */
final class AdminHandlers {
    /** The rate shown is that of the last 15 s: long enough to be steady, short enough to follow a pause. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(15);
    /** Campaigns on the list page: the rest are in the log and the archive. */
    static final int SHOWN = 100;
    private final Operator op;
    /** Counts of finished and cancelled campaigns: they no longer change (bounces are counted apart). */
    private final Map<Long, Progress> finished = new java.util.concurrent.ConcurrentHashMap<>();
    private final AdminSessions sessions;
    private final Pages pages;

    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private final ClientAddress clients;

    AdminHandlers(Operator op, AdminSessions sessions, Pages pages, ClientAddress clients) {
        this.clients = clients;
        this.op = op;
        this.sessions = sessions;
        this.pages = pages;
    }

    /** Every /admin request: strict headers; a page without a session goes to the login form. */
    void guard(Context ctx) {
        AdminCsp.apply(ctx);
        if (ctx.path().equals("/admin/login")) return;
        AdminSessions.Session s = sessions.current(ctx);
        if (s == null) {
            if (ctx.method().name().equals("GET")) ctx.redirect("/admin/login");
            else throw new io.javalin.http.ForbiddenResponse("log in first");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute("session", s);
        if (!ctx.method().name().equals("GET")) AdminSessions.checkForm(ctx, s);
    }

    void loginForm(Context ctx) {
        pages.render(ctx, 200, "admin-login", Map.of());
    }

    void login(Context ctx) {
        AdminSessions.checkOrigin(ctx);
        String address = clients.of(ctx);
        if (throttle.blocked(address)) {
            ctx.header("Retry-After", String.valueOf(LoginThrottle.WINDOW.toSeconds()));
            pages.render(ctx, 429, "admin-login", Map.of("error", "Too many wrong tokens from this address: wait ten minutes."));
        } else if (sessions.login(ctx, ctx.formParam("token"))) {
            ctx.redirect("/admin");
        } else {
            throttle.failed(address);
            pages.render(ctx, 401, "admin-login", Map.of("error", "That token is not right."));
        }
    }

    void logout(Context ctx) {
        sessions.logout(ctx);
        ctx.redirect("/admin/login");
    }

    void dashboard(Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProgressView v : views()) rows.add(v.values());
        Map<String, Object> scope = scope(ctx, "campaigns");
        scope.put("campaigns", rows);
        List<Map<String, Object>> rates = rates();
        scope.put("rates", rates);
        scope.put("hasRates", !rates.isEmpty());
        pages.render(ctx, 200, "admin-campaigns", scope);
    }

    /** The live figures of every campaign, for the page's script. */
    void progressJson(Context ctx) {
        StringBuilder b = new StringBuilder("[");
        for (ProgressView v : views()) b.append(b.length() > 1 ? "," : "").append(v.json());
        ctx.contentType("application/json").result(b.append(']').toString());
    }

    void campaign(Context ctx) {
        long id = id(ctx);
        Campaign c = found(() -> service().get(id));
        ProgressView v = new ProgressView(c, service().progress(id), rate(c, op.store().sentSince(Instant.now().minus(RATE_WINDOW))));
        Map<String, Object> scope = scope(ctx, "campaigns");
        scope.put("c", v.values());
        scope.put("chart", SvgChart.of(op.store().sendsPerMinute(id)));
        List<Map<String, Object>> rates = rates().stream().filter(r -> ((Long) r.get("campaign")) == id).toList();
        scope.put("rates", rates);
        scope.put("hasRates", !rates.isEmpty());
        pages.render(ctx, 200, "admin-campaign", scope);
    }

    void steer(Context ctx, LongConsumer verb) {
        long id = id(ctx);
        try {
            found(() -> { verb.accept(id); return null; });
        } catch (DeliveryException e) {
            throw new io.javalin.http.ConflictResponse(e.getMessage());
        }
        ctx.redirect("/admin/campaigns/" + id);
    }

    void html(Context ctx) {
        EmailContent content = found(() -> op.delivery().store().content(id(ctx)));
        AdminCsp.preview(ctx);
        ctx.contentType("text/html; charset=utf-8").result(content.html());
    }

    void text(Context ctx) {
        EmailContent content = found(() -> op.delivery().store().content(id(ctx)));
        ctx.contentType("text/plain; charset=utf-8").result(content.text());
    }

    /** The newest campaigns; polled every two seconds by every open page, so a finished one is counted once, then remembered. */
    private List<ProgressView> views() {
        Map<Long, Long> recent = op.store().sentSince(Instant.now().minus(RATE_WINDOW));
        List<Campaign> all = service().list();
        List<ProgressView> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < SHOWN; i--) {
            Campaign c = all.get(i);
            Progress p = finished.get(c.id());
            if (p == null) {
                p = service().progress(c.id());
                // A cancelled campaign may still hear back from a send in flight: remembered only once nothing is pending.
                if (c.status().isFinal() && p.pending() == 0) finished.put(c.id(), p);
            }
            out.add(new ProgressView(c, p, rate(c, recent)));
        }
        return out;
    }

    /** Messages per second over the window, or over the time since the start when that is shorter; none once it is over. */
    private static double rate(Campaign c, Map<Long, Long> recent) {
        if (c.status().isFinal() || c.startedAt() == null) return 0;
        long window = Math.min(RATE_WINDOW.toMillis(), Math.max(1000, Duration.between(c.startedAt(), Instant.now()).toMillis()));
        return recent.getOrDefault(c.id(), 0L) * 1000.0 / window;
    }

    /** Campaigns with bounces or complaints; the complaint rate warns from 0.1% (Gmail's guideline). */
    private List<Map<String, Object>> rates() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (BounceRates.CampaignRate r : op.rates().perCampaign()) {
            Map<String, Object> m = new HashMap<>();
            m.put("campaign", r.campaignId());
            m.put("sent", r.sent());
            m.put("hard", r.hard());
            m.put("soft", r.soft());
            m.put("complaints", r.complaints());
            m.put("bounceRate", String.format(java.util.Locale.ROOT, "%.2f%%", r.bounceRate() * 100));
            m.put("complaintRate", String.format(java.util.Locale.ROOT, "%.2f%%", r.complaintRate() * 100));
            m.put("warning", r.complaintLevel() != BounceRates.Level.OK);
            m.put("level", r.complaintLevel().name());
            out.add(m);
        }
        return out;
    }

    private CampaignService service() {
        return op.delivery().campaigns();
    }

    /** The values every admin page needs: the CSRF token for its forms and which tab is open. */
    static Map<String, Object> scope(Context ctx, String tab) {
        Map<String, Object> scope = new HashMap<>();
        AdminSessions.Session s = ctx.attribute("session");
        scope.put("csrf", s == null ? "" : s.csrf);
        scope.put("tab-" + tab, true);
        return scope;
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such campaign");
        }
    }

    static <T> T found(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (NoSuchCampaignException e) {
            throw new NotFoundResponse(e.getMessage());
        }
    }
}
