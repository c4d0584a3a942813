package org.mailroom.web;

import io.javalin.http.Context;

/**
 * Headers on every response. The pages load nothing but their own stylesheet and run no script, so the
 * Content-Security-Policy can forbid everything else. Links carry tokens in their path: no Referer may leak them,
 * and no cache may keep the pages.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "interest-cohort=()");
        ctx.header("Cache-Control", "no-store");
    }
}
