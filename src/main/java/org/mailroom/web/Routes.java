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
    record Staff(CampaignApi campaigns, java.util.function.Consumer<Javalin> webhooks) {
        static final Staff NONE = new Staff(null, null);
    }

    static void register(Javalin app, ReaderHandlers readers, SystemHandlers system, Staff staff) {
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
        // operators: OperatorPages (/admin, /admin/outbox, ...) come with the operator issue
        // system
        app.get("/health", system::health);
        app.get("/assets/style.css", system::stylesheet);
    }
}
