package org.mailroom.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Health for monitors and load balancers, and the pages' stylesheet. */
final class SystemHandlers {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final List<HealthCheck> checks;
    private final byte[] stylesheet;
    private final byte[] adminScript = resource("templates/web/admin.js");

    SystemHandlers(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
        this.stylesheet = resource("templates/web/style.css");
    }

    /**
     * 200 with {"database":"up",...,"status":"up"} when every part works, 503 otherwise, with each down part's reason
     * under "problems" (a disk that is full, a relay that is away) so the operator's monitor says what to fix.
     */
    void health(Context ctx) throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (HealthCheck c : checks) {
            String problem = c.problem();
            json.put(c.name(), problem == null ? "up" : "down");
            if (problem != null) problems.put(c.name(), problem);
        }
        if (!problems.isEmpty()) json.put("problems", problems);
        json.put("status", problems.isEmpty() ? "up" : "down");
        ctx.status(problems.isEmpty() ? 200 : 503).contentType("application/json").result(JSON.writeValueAsString(json));
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
