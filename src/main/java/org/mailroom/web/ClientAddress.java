package org.mailroom.web;

import io.javalin.http.Context;

/**
 * The client's IP address, for rate limits and the consent record. From the socket, unless {@code server.trust-proxy}
 * says a reverse proxy is in front: then the last X-Forwarded-For entry, the one that proxy added (entries before it
 * come from the client and can be forged).
 */
final class ClientAddress {
    private final boolean trustProxy;

    ClientAddress(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    String of(Context ctx) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty() && last.length() <= 64) return last;
            }
        }
        return ctx.req().getRemoteAddr();
    }
}
