package org.mailroom.web;

import io.javalin.http.Context;

/**
 * Content-Security-Policies of the operator's side. The pages run one script of ours ({@code /assets/admin.js},
 * live progress) and frame only our own previews. A preview is an email: it keeps its inline styles but runs in a
 * sandbox (no script, an opaque origin), may load images over https only, and may be framed by our pages alone.
 */
final class AdminCsp {
    static final String PAGES = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String PREVIEW = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'; base-uri 'none'";

    private AdminCsp() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", PAGES);
    }

    static void preview(Context ctx) {
        ctx.header("Content-Security-Policy", PREVIEW);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
    }
}
