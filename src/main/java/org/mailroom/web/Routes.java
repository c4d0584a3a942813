package org.mailroom.web;

import io.javalin.Javalin;

/**
 * Every URL serve answers, in one table, grouped by audience. Editors' API ({@code /api/...}, bearer
 * {@code admin.token}) and operators' pages ({@code /admin/...}) get their own handler classes and their own group
 * here; readers' pages stay public.
 */
final class Routes {
    private Routes() {}

    static void register(Javalin app, ReaderHandlers readers, SystemHandlers system) {
        // readers
        app.get("/", readers::subscribeForm);
        app.get("/subscribe", readers::subscribeForm);
        app.post("/subscribe", readers::subscribe);
        app.get("/confirm/{token}", readers::confirm);
        app.get("/unsubscribe/{token}", readers::unsubscribePage);
        app.post("/unsubscribe/{token}", readers::unsubscribe);
        // editors: EditorApi (POST /api/campaigns, GET /api/campaigns/{id}) comes with delivery
        // operators: OperatorPages (/admin, /admin/outbox, ...) come with the operator issue
        // system
        app.get("/health", system::health);
        app.get("/assets/style.css", system::stylesheet);
    }
}
