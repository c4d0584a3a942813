package org.mailroom.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An operator's browser reduced to HTTP: logs in with the token, keeps the session cookie, posts forms with the CSRF token. */
final class AdminClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final TestServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String cookie;
    String csrf;

    AdminClient(TestServer server) {
        this.server = server;
    }

    HttpResponse<String> login(String token) throws Exception {
        HttpResponse<String> r = post("/admin/login", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), false);
        r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        if (r.statusCode() == 302) csrf(get("/admin").body());
        return r;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).GET();
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post as this site's pages make it (with the session's CSRF token when {@code withCsrf}). */
    HttpResponse<String> post(String path, String form, boolean withCsrf) throws Exception {
        return send(path, form + (withCsrf ? "&csrf=" + csrf : ""), "same-origin");
    }

    HttpResponse<String> send(String path, String form, String fetchSite) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
        if (fetchSite != null) b.header("Sec-Fetch-Site", fetchSite);
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new AssertionError("no CSRF token in the page");
        csrf = m.group(1);
    }
}
