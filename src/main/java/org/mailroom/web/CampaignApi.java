package org.mailroom.web;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import org.mailroom.MailroomException;
import org.mailroom.delivery.CampaignService;
import org.mailroom.delivery.DeliveryException;
import org.mailroom.delivery.NoSuchCampaignException;
import org.mailroom.delivery.StartTime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * The editor's and operator's campaign API, behind the bearer {@code admin.token}:
 * {@code POST /api/campaigns} (body: the issue Markdown; optional {@code at}, {@code name}),
 * {@code GET /api/campaigns/{id}}, {@code POST /api/campaigns/{id}/pause|resume|cancel}.
 */
public final class CampaignApi {
    private final CampaignService campaigns;
    private final byte[] token;
    private final int maxBytes;

    public CampaignApi(CampaignService campaigns, String adminToken, int maxBytes) {
        this.campaigns = campaigns;
        this.token = adminToken.getBytes(StandardCharsets.UTF_8);
        this.maxBytes = maxBytes;
    }

    /** Called by the route table. */
    public static void register(Javalin app, CampaignApi api) {
        app.before("/api/campaigns*", api::authorize);
        app.post("/api/campaigns", api::create);
        app.get("/api/campaigns/{id}", api::show);
        app.post("/api/campaigns/{id}/pause", ctx -> api.steer(ctx, api.campaigns::pause));
        app.post("/api/campaigns/{id}/resume", ctx -> api.steer(ctx, api.campaigns::resume));
        app.post("/api/campaigns/{id}/cancel", ctx -> api.steer(ctx, api.campaigns::cancel));
    }

    /** Bearer token compared in constant time; an empty configured token locks the API. */
    void authorize(Context ctx) {
        String h = ctx.header("Authorization");
        byte[] given = h != null && h.startsWith("Bearer ") ? h.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (token.length == 0 || !MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("a valid bearer token is required");
        }
    }

    void create(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBytes) throw new ContentTooLargeResponse("the issue is larger than " + maxBytes + " bytes");
        if (body.length == 0) throw new BadRequestResponse("the request body must be the issue's Markdown");
        String at = ctx.queryParam("at");
        String name = ctx.queryParam("name") == null ? "issue.md" : ctx.queryParam("name");
        long id = call(() -> campaigns.create(name, body, at == null || at.isBlank() ? null : StartTime.parse(at, "at")));
        ctx.status(201).contentType("application/json").result("{\"id\": " + id + "}");
    }

    void show(Context ctx) {
        long id = id(ctx);
        String json = call(() -> campaigns.progress(id).toJson());
        ctx.contentType("application/json").result(json);
    }

    void steer(Context ctx, LongConsumer verb) {
        long id = id(ctx);
        call(() -> {
            verb.accept(id);
            return null;
        });
        show(ctx);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("no such campaign");
        }
    }

    /** Delivery's errors as HTTP answers: unknown campaign 404, a move its status forbids 409, a bad issue 400. */
    private static <T> T call(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (NoSuchCampaignException e) {
            throw new NotFoundResponse(e.getMessage());
        } catch (DeliveryException e) {
            throw new ConflictResponse(e.getMessage());
        } catch (MailroomException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }
}
