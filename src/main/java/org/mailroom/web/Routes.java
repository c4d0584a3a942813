package org.mailroom.web;

import io.javalin.Javalin;

/**
 * Every URL serve answers, in one table, grouped by audience. Editors' API ({@code /api/...}, bearer
 * {@code admin.token}) and operators' pages ({@code /admin/...}) get their own handler classes and their own group
 * here; readers' pages stay public.
 */
final class Routes {
    private Routes() {}

    /** What the editors' and operators' side brings; absent parts (tests of the readers' side) leave their URLs unanswered. */
    record Staff(CampaignApi campaigns, java.util.function.Consumer<Javalin> webhooks, Operator operator, boolean trustProxy) {
        static final Staff NONE = new Staff(null, null, null, false);
    }

    static void register(Javalin app, ReaderHandlers readers, SystemHandlers system, Staff staff, Pages pages) {
        // readers
        app.get("/", readers::subscribeForm);
        app.get("/subscribe", readers::subscribeForm);
        app.post("/subscribe", readers::subscribe);
        app.get("/confirm/{token}", readers::confirm);
        app.get("/unsubscribe/{token}", readers::unsubscribePage);
        app.post("/unsubscribe/{token}", readers::unsubscribe);
        // editors: POST /api/campaigns, GET /api/campaigns/{id}, POST /api/campaigns/{id}/pause|resume|cancel
        if (staff.campaigns() != null) CampaignApi.register(app, staff.campaigns());
        // relays and providers: POST /webhooks/bounce
        if (staff.webhooks() != null) staff.webhooks().accept(app);
        if (staff.operator() != null) operators(app, staff.operator(), pages, staff.trustProxy());
        // system
        app.get("/health", system::health);
        app.get("/assets/style.css", system::stylesheet);
        app.get("/assets/admin.js", system::adminScript);
    }

    /** The operator's pages (login with admin.token, then a session), /metrics and the public archive. */
    private static void operators(Javalin app, Operator op, Pages pages, boolean trustProxy) {
        AdminSessions sessions = new AdminSessions(op.adminToken(), op.secureCookies(), java.time.Clock.systemUTC());
        AdminHandlers admin = new AdminHandlers(op, sessions, pages, new ClientAddress(trustProxy));
        AdminLogHandlers log = new AdminLogHandlers(op, pages);
        DraftHandlers drafts = new DraftHandlers(op, pages);
        DirectoryHandlers directory = new DirectoryHandlers(op, pages);
        ArchiveHandlers archive = new ArchiveHandlers(op, pages);
        app.before("/admin", admin::guard);
        app.before("/admin/*", admin::guard);
        app.get("/admin/login", admin::loginForm);
        app.post("/admin/login", admin::login);
        app.post("/admin/logout", admin::logout);
        app.get("/admin", admin::dashboard);
        app.get("/admin/progress.json", admin::progressJson);
        app.get("/admin/campaigns/{id}", admin::campaign);
        app.get("/admin/campaigns/{id}/html", admin::html);
        app.get("/admin/campaigns/{id}/text", admin::text);
        app.post("/admin/campaigns/{id}/pause", ctx -> admin.steer(ctx, op.delivery().campaigns()::pause));
        app.post("/admin/campaigns/{id}/resume", ctx -> admin.steer(ctx, op.delivery().campaigns()::resume));
        app.post("/admin/campaigns/{id}/cancel", ctx -> admin.steer(ctx, op.delivery().campaigns()::cancel));
        app.get("/admin/new", drafts::form);
        app.post("/admin/new/preview", drafts::preview);
        app.get("/admin/new/html", drafts::draftHtml);
        app.post("/admin/new/test", drafts::testSend);
        app.post("/admin/new/send", drafts::send);
        app.get("/admin/log", log::log);
        app.get("/admin/subscribers", directory::subscribers);
        app.get("/admin/subscribers/{id}", directory::subscriber);
        app.get("/admin/outbox", directory::outbox);
        app.get("/admin/outbox/{id}", directory::message);
        app.get("/admin/outbox/{id}/html", directory::messageHtml);
        app.get("/admin/outbox/{id}/raw", directory::messageRaw);
        app.get("/metrics", new MetricsHandler(op.metrics())::scrape);
        app.get("/archive", archive::list);
        app.get("/archive/feed.xml", archive::feed);
        app.get("/archive/{number}", archive::issue);
    }
}
