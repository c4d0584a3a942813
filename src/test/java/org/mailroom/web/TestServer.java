package org.mailroom.web;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.mailroom.App;
import org.mailroom.config.Config;
import org.mailroom.subscriber.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** serve for tests: a real App on a free loopback port with an H2 file in a temporary folder, sending to a test SMTP server. */
final class TestServer implements AutoCloseable {
    static final String SECRET = "a test secret, long enough to sign";
    static final String BASE_URL = "https://news.example.org";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(BASE_URL) + "(/confirm/[A-Za-z0-9_-]+)");

    final App app;
    final Tokens tokens = new Tokens(SECRET.getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    TestServer(Path dir, int smtpPort, Map<String, String> extra) {
        Map<String, String> c = new HashMap<>(Map.of(
            "db.url", "jdbc:h2:file:" + dir.resolve("db/mailroom").toAbsolutePath(),
            "data.dir", dir.resolve("data").toString(),
            "server.port", "0",
            "base.url", BASE_URL,
            "smtp.host", "127.0.0.1",
            "smtp.port", String.valueOf(smtpPort),
            "security.secret", SECRET,
            "newsletter.name", "The Weekly Test"));
        c.putAll(extra);
        app = App.start(Config.of(c));
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.httpPort() + path;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> postMultipart(String path, String field, String value) throws Exception {
        String boundary = "----mailroomTestBoundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The path of the confirmation link in an email's text part (the link itself points at BASE_URL). */
    static String confirmPath(MimeMessage m) throws Exception {
        Matcher matcher = LINK.matcher(textPart(m));
        if (!matcher.find()) throw new AssertionError("no confirmation link in:\n" + textPart(m));
        return matcher.group(1);
    }

    static String textPart(MimeMessage m) throws Exception {
        return part(m, "text/plain");
    }

    static String htmlPart(MimeMessage m) throws Exception {
        return part(m, "text/html");
    }

    private static String part(MimeMessage m, String type) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.isMimeType(type)) return (String) p.getContent();
        }
        throw new AssertionError("no " + type + " part");
    }

    @Override
    public void close() {
        app.close();
    }
}
