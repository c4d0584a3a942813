package org.mailroom.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.javalin.http.Context;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web pages from the mustache templates under {@code templates/web/}; every page extends {@code layout.mustache}.
 * Values are HTML-escaped by mustache; no page needs JavaScript.
 */
public final class Pages {
    private final MustacheFactory factory = new DefaultMustacheFactory("templates/web");
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();
    private final String newsletter;

    public Pages(String newsletterName) {
        this.newsletter = newsletterName;
    }

    /** Renders {@code templates/web/<page>.mustache} with the values and the newsletter's name as the response. */
    public void render(Context ctx, int status, String page, Map<String, ?> values) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(html(page, values));
    }

    String newsletter() {
        return newsletter;
    }

    String html(String page, Map<String, ?> values) {
        Map<String, Object> scope = new HashMap<>(values);
        scope.put("newsletter", newsletter);
        StringWriter w = new StringWriter();
        compiled.computeIfAbsent(page, p -> factory.compile(p + ".mustache")).execute(w, scope);
        return w.toString();
    }
}
