package org.mailroom.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.App;
import org.mailroom.Main;
import org.mailroom.config.Config;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * serve and the commands run with known secret values (SMTP password, admin.token, token secret, database password,
 * bounce mailbox password, DKIM key), through good requests and bad ones, failing relays and mailboxes; then every
 * log line, stack trace, page, header, command output and email is searched for those values.
 */
class SecretsNeverShownTest {
    static final String SMTP_PASSWORD = "smtp-pw-Qz81Lk";
    static final String ADMIN_TOKEN = "admin-token-Xy7Kq2Lm9Pz4";
    static final String TOKEN_SECRET = "token-secret-Vb3Nm8Qw2Er6Ty";
    static final String DB_PASSWORD = "db-pw-Hj5KlMn";
    static final String BOUNCE_PASSWORD = "bounce-pw-Tr4EwUi";

    @TempDir
    Path dir;
    final List<String> seen = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void no_secret_appears_in_logs_pages_headers_command_output_or_emails() throws Exception {
        String dkimKey = dkimKey();
        ListAppender<ILoggingEvent> log = capture();
        GreenMail relay = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        relay.start();
        relay.setUser("sender", SMTP_PASSWORD);
        Path configFile = configFile(relay.getSmtp().getPort());
        try (App app = App.start(Config.load(configFile, Map.of()))) {
            confirmedReaders(app, 3);
            String base = "http://127.0.0.1:" + app.httpPort();
            browse(base);
            commands(configFile);
            // the sender meets its working relay and the bounce poll its unreachable mailbox
            awaitUpTo(Duration.ofSeconds(60), "the campaign email and the bounce mailbox's error", () -> received(relay, "Secret test")
                && logged(log).stream().anyMatch(e -> e.getFormattedMessage().contains("bounce mailbox")));
            for (MimeMessage m : relay.getReceivedMessages()) seen.add(raw(m));
        } finally {
            relay.stop();
            ((Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        }
        assertThat(seen).as("campaign emails received").anyMatch(m -> m.contains("Subject: Secret test") && m.contains("DKIM-Signature"));
        List<ILoggingEvent> events = logged(log);
        assertThat(events).as("the unreachable bounce mailbox is reported").anyMatch(e -> e.getFormattedMessage().contains("bounce mailbox"));
        for (ILoggingEvent e : events) {
            seen.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) seen.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
        }
        assertThat(events).as("the run logged something to search").isNotEmpty();
        assertThat(seen).as("what was searched").hasSizeGreaterThan(20);
        for (String secret : List.of(SMTP_PASSWORD, ADMIN_TOKEN, TOKEN_SECRET, DB_PASSWORD, BOUNCE_PASSWORD, dkimKey))
            assertThat(seen).as("outputs containing a secret").noneMatch(s -> s.contains(secret));
    }

    private static void confirmedReaders(App app, int n) {
        app.database().withConnection(c -> {
            for (int i = 0; i < n; i++)
                c.createStatement().executeUpdate("INSERT INTO subscriber (email, email_key, status, created_at, updated_at) VALUES "
                    + "('r" + i + "@example.com', 'r" + i + "@example.com', 'confirmed', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            return null;
        });
    }

    /** Readers' pages, bad links, the API with and without the token, the webhook, health and metrics. */
    private void browse(String base) throws Exception {
        for (String path : List.of("/", "/subscribe", "/confirm/xyz", "/unsubscribe/" + "A".repeat(43), "/health", "/metrics", "/nope"))
            seen.add(show(http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString())));
        seen.add(show(post(base + "/subscribe", "email=reader%40example.org&name=Ann", null, "application/x-www-form-urlencoded")));
        seen.add(show(post(base + "/subscribe", "email=bad%0d%0aBcc:x@y.org", null, "application/x-www-form-urlencoded")));
        seen.add(show(post(base + "/api/campaigns", "Title: T\n\nBody\n", "Bearer wrong", "text/markdown")));
        seen.add(show(post(base + "/api/campaigns", "Title: Secret test\n\nHello.\n", "Bearer " + ADMIN_TOKEN, "text/markdown")));
        seen.add(show(post(base + "/api/campaigns", "", "Bearer " + ADMIN_TOKEN, "text/markdown")));
        seen.add(show(post(base + "/webhooks/bounce", "{\"email\":\"x@example.org\",\"type\":\"hard\"}", "Bearer wrong", "application/json")));
        seen.add(show(post(base + "/webhooks/bounce", "{not json", "Bearer " + ADMIN_TOKEN, "application/json")));
    }

    private HttpResponse<String> post(String url, String body, String auth, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) b.header("Authorization", auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String show(HttpResponse<String> r) {
        return r.statusCode() + " " + r.headers().map() + "\n" + r.body();
    }

    /** The operator's commands beside the running serve, a failing one with --verbose included. */
    private void commands(Path configFile) throws Exception {
        Path issue = dir.resolve("issue.md");
        Files.writeString(issue, "Title: From the command line\n\nHello.\n");
        String c = configFile.toString();
        for (String[] args : List.of(new String[] {"campaigns", "--config", c}, new String[] {"subscribers", "count", "--config", c},
            new String[] {"send", issue.toString(), "--config", c}, new String[] {"log", "--config", c},
            new String[] {"send", dir.resolve("missing.md").toString(), "--config", c, "--verbose"},
            new String[] {"send", issue.toString(), "--to", "not an address", "--config", c, "--verbose"})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            var cl = Main.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            cl.execute(args);
            seen.add(out + "\n" + err);
        }
    }

    private Path configFile(int smtpPort) throws Exception {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        c.put("db.password", DB_PASSWORD);
        c.put("data.dir", dir.resolve("data").toString());
        c.put("server.port", "0");
        c.put("base.url", "https://news.example.org");
        c.put("smtp.host", "127.0.0.1");
        c.put("smtp.port", String.valueOf(smtpPort));
        c.put("smtp.username", "sender");
        c.put("smtp.password", SMTP_PASSWORD);
        c.put("admin.token", ADMIN_TOKEN);
        c.put("security.secret", TOKEN_SECRET);
        c.put("bounce.mailbox", "imap://bounces:" + BOUNCE_PASSWORD + "@127.0.0.1:1/INBOX");
        c.put("bounce.poll-seconds", "1");
        c.put("dkim.domain", "example.org");
        c.put("dkim.selector", "mail");
        c.put("dkim.private-key", dir.resolve("dkim.pem").toString());
        StringBuilder file = new StringBuilder();
        c.forEach((k, v) -> file.append(k).append('=').append(v).append('\n'));
        Path p = dir.resolve("mailroom.properties");
        Files.writeString(p, file);
        return p;
    }

    /** Writes a fresh DKIM key as PEM and returns a line of its base64, which must never be seen again. */
    private String dkimKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPrivate().getEncoded());
        Files.writeString(dir.resolve("dkim.pem"), "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n");
        return b64.lines().skip(3).findFirst().orElseThrow();
    }

    private static void awaitUpTo(Duration timeout, String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            Thread.sleep(50);
        }
    }

    private static boolean received(GreenMail relay, String subject) {
        for (MimeMessage m : relay.getReceivedMessages()) {
            try {
                if (subject.equals(m.getSubject())) return true;
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    /** A copy taken under the appender's lock: the server's threads log while the test reads. */
    private static List<ILoggingEvent> logged(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return new ArrayList<>(log.list);
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> a = new ListAppender<>();
        Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ((Logger) org.slf4j.LoggerFactory.getLogger("org.mailroom")).setLevel(Level.DEBUG);
        a.start();
        root.addAppender(a);
        return a;
    }

    private static String raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
