package org.mailroom.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's login: {@code admin.token} typed into a form, compared in constant time, then a random session id
 * in a cookie ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} under https). Sessions live in memory and
 * expire after {@link #IDLE} without use: a restart logs everyone out, which is acceptable for a handful of operators.
 * Each session carries a CSRF token that every admin form posts back (synchronizer token); a POST must also come
 * from this origin by its {@code Origin} or {@code Sec-Fetch-Site} header.
 */
final class AdminSessions {
    static final String COOKIE = "mailroom_admin";
    static final Duration IDLE = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A logged-in operator; {@code draft} holds the issue being prepared in the new-campaign form. */
    static final class Session {
        final String csrf = random();
        volatile Instant lastUse;
        volatile Draft draft;

        Session(Instant now) {
            lastUse = now;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final byte[] token;
    private final boolean secure;
    private final Clock clock;

    AdminSessions(String adminToken, boolean secureCookies, Clock clock) {
        this.token = adminToken.getBytes(StandardCharsets.UTF_8);
        this.secure = secureCookies;
        this.clock = clock;
    }

    /** True and a new session when the token matches; an empty configured token never matches. */
    boolean login(Context ctx, String given) {
        byte[] g = given == null ? new byte[0] : given.strip().getBytes(StandardCharsets.UTF_8);
        if (token.length == 0 || !MessageDigest.isEqual(g, token)) return false;
        prune();
        String id = random();
        sessions.put(id, new Session(clock.instant()));
        ctx.header("Set-Cookie", cookie(id, IDLE.toSeconds()));
        return true;
    }

    void logout(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) sessions.remove(id);
        ctx.header("Set-Cookie", cookie("", 0));
    }

    /** The session of this request, or null; using it extends it. */
    Session current(Context ctx) {
        String id = ctx.cookie(COOKIE);
        Session s = id == null ? null : sessions.get(id);
        Instant now = clock.instant();
        if (s == null || s.lastUse.plus(IDLE).isBefore(now)) {
            if (id != null) sessions.remove(id);
            return null;
        }
        s.lastUse = now;
        return s;
    }

    /**
     * Refuses a state-changing request that another site could have made: the browser's own origin headers first
     * (a cross-site form post says so), then the session's CSRF token from the form, compared in constant time.
     */
    static void checkForm(Context ctx, Session s) {
        checkOrigin(ctx);
        String given = ctx.formParam("csrf");
        if (s == null || given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), s.csrf.getBytes(StandardCharsets.UTF_8)))
            throw new ForbiddenResponse("the form has expired: reload the page and try again");
    }

    /** The login form has no session yet: only the browser's origin headers protect it. */
    static void checkOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) throw new ForbiddenResponse("cross-site request refused");
        String origin = ctx.header("Origin");
        // "null" is what Chrome sends under Referrer-Policy: no-referrer; Sec-Fetch-Site above still tells where it came from.
        if (origin != null && !origin.equals("null") && !sameHost(origin, ctx.header("Host"))) throw new ForbiddenResponse("cross-site request refused");
    }

    private static boolean sameHost(String origin, String host) {
        int scheme = origin.indexOf("://");
        return host != null && scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    private String cookie(String value, long maxAge) {
        return COOKIE + "=" + value + "; Path=/admin; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private void prune() {
        Instant oldest = clock.instant().minus(IDLE);
        sessions.values().removeIf(s -> s.lastUse.isBefore(oldest));
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
