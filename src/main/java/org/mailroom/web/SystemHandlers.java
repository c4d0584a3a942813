package org.mailroom.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Health for monitors and load balancers, and the pages' stylesheet. */
final class SystemHandlers {
    private final List<HealthCheck> checks;
    private final byte[] stylesheet;
    private final byte[] adminScript = resource("templates/web/admin.js");

    SystemHandlers(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
        this.stylesheet = resource("templates/web/style.css");
    }

    /** 200 with {"status":"up",...} when every part answers, 503 otherwise. Names are fixed strings, so no JSON escaping is needed. */
    void health(Context ctx) {
        StringBuilder json = new StringBuilder("{");
        boolean allUp = true;
        for (HealthCheck c : checks) {
            boolean up = c.up();
            allUp &= up;
            json.append('"').append(c.name()).append("\":\"").append(up ? "up" : "down").append("\",");
        }
        json.append("\"status\":\"").append(allUp ? "up" : "down").append("\"}");
        ctx.status(allUp ? 200 : 503).contentType("application/json").result(json.toString());
    }

    void stylesheet(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600").contentType("text/css; charset=utf-8").result(stylesheet);
    }

    /** The operator page's live progress: our one script, served from here so the CSP can stay 'self'. */
    void adminScript(Context ctx) {
        ctx.header("Cache-Control", "no-cache").contentType("text/javascript; charset=utf-8").result(adminScript);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SystemHandlers.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
