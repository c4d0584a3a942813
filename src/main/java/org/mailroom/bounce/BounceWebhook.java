package org.mailroom.bounce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /webhooks/bounce}: a relay or provider reports bounces and complaints by HTTP.
 * Authorised by {@code admin.token}, as {@code Authorization: Bearer TOKEN} or as the password of HTTP
 * Basic auth (which is all Amazon SNS can send: {@code https://any:TOKEN@host/webhooks/bounce}).
 * The body is one event, {@code {"email": "a@b.org", "type": "hard"|"soft"|"complaint", "reason": "...", "id": "..."}}
 * ({@code reason} and {@code id} optional; an {@code id} seen before records nothing, so retries are safe),
 * or an Amazon SES notification (bare or in its SNS envelope). Answers 200 with what was recorded, 400
 * with what is wrong, 401 without a valid token.
 */
public final class BounceWebhook implements Handler {
    public static final String PATH = "/webhooks/bounce";
    private static final Logger log = LoggerFactory.getLogger(BounceWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BounceRules rules;
    private final byte[] tokenHash;
    private final Identities identities;
    private final Clock clock;

    public BounceWebhook(BounceRules rules, String adminToken, CampaignLookup campaigns, Clock clock) {
        this.rules = rules;
        // Hashing both sides first makes the comparison constant-time in the token's length too.
        this.tokenHash = adminToken == null || adminToken.isBlank() ? null : sha256(adminToken);
        this.identities = new Identities(Verp.off(), null, campaigns);
        this.clock = clock;
    }

    /** Adds the route; the route table calls this at start. */
    public static void register(Javalin app, BounceRules rules, String adminToken, CampaignLookup campaigns) {
        app.post(PATH, new BounceWebhook(rules, adminToken, campaigns, Clock.systemUTC()));
    }

    @Override
    public void handle(Context ctx) {
        if (!authorised(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"mailroom\"");
            answer(ctx, 401, Map.of("error", "a valid admin token is required (Authorization: Bearer TOKEN)"));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            answer(ctx, 400, Map.of("error", "body is not JSON: " + e.getOriginalMessage()));
            return;
        }
        try {
            answer(ctx, 200, record(body, clock.instant()));
        } catch (IllegalArgumentException e) {
            answer(ctx, 400, Map.of("error", e.getMessage()));
        }
    }

    private Map<String, Object> record(JsonNode body, Instant now) {
        if (body == null || !body.isObject()) throw new IllegalArgumentException("body must be a JSON object");
        String eventId;
        List<Bounce> bounces;
        if (SesNotification.looksLikeSes(body)) {
            SesNotification.Parsed p = SesNotification.read(body, JSON, identities, now);
            if (p.subscribeUrl() != null)
                log.warn("Amazon SNS asks to confirm the subscription of {}: open {} once", PATH, p.subscribeUrl());
            eventId = p.eventId();
            bounces = p.bounces();
        } else {
            String id = text(body, "id");
            eventId = id == null ? null : "webhook:" + id;
            bounces = List.of(plain(body, now, eventId));
        }
        Optional<List<BounceRecorder.Outcome>> outcomes = rules.recordOnce(eventId, bounces, now);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recorded", outcomes.map(List::size).orElse(0));
        answer.put("changed", outcomes.map(l -> l.stream().filter(BounceRecorder.Outcome::statusChanged).count()).orElse(0L));
        if (outcomes.isEmpty()) answer.put("duplicate", true);
        return answer;
    }

    /** The documented shape; every field checked, each problem named. */
    private static Bounce plain(JsonNode body, Instant now, String eventId) {
        String email = text(body, "email");
        if (email == null) throw new IllegalArgumentException("email: missing");
        if (!Addresses.isPlain(email.trim())) throw new IllegalArgumentException("email: not an address: '" + email + "'");
        String typeName = text(body, "type");
        BounceType type = BounceType.ofCode(typeName);
        if (type == null) throw new IllegalArgumentException("type: must be hard, soft or complaint, got " + (typeName == null ? "nothing" : "'" + typeName + "'"));
        String reason = ReportContext.trim(text(body, "reason"));
        return new Bounce(null, email.trim(), null, type, StatusCodes.find(reason), reason, BounceSource.WEBHOOK, now, eventId);
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException(field + ": must be a string");
        return v.asText();
    }

    private boolean authorised(String header) {
        if (tokenHash == null || header == null) return false;
        String h = header.trim();
        String given = null;
        if (h.regionMatches(true, 0, "Bearer ", 0, 7)) given = h.substring(7).trim();
        else if (h.regionMatches(true, 0, "Basic ", 0, 6)) given = basicPassword(h.substring(6).trim());
        return given != null && MessageDigest.isEqual(tokenHash, sha256(given));
    }

    private static String basicPassword(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : pair.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void answer(Context ctx, int status, Map<String, ?> body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
