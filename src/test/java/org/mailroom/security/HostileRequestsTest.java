package org.mailroom.security;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.App;
import org.mailroom.config.Config;
import org.mailroom.subscriber.EmailAddress;
import org.mailroom.subscriber.Tokens;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** serve over real HTTP against requests a hostile client sends: each is refused or made harmless, and serve stays up. */
class HostileRequestsTest {
    static final String ADMIN = "an-admin-token-of-some-length";
    static final String SECRET = "a test secret, long enough to sign";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    App app;
    final HttpClient http = HttpClient.newHttpClient();
    final Tokens tokens = new Tokens(SECRET.getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void start() {
        Map<String, String> c = new HashMap<>();
        c.put("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
        c.put("data.dir", dir.resolve("data").toString());
        c.put("server.port", "0");
        c.put("server.trust-proxy", "true");
        c.put("base.url", "https://news.example.org");
        c.put("smtp.host", "127.0.0.1");
        c.put("smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        c.put("security.secret", SECRET);
        c.put("admin.token", ADMIN);
        app = App.start(Config.of(c));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void oversized_bodies_are_refused_and_serve_keeps_answering() throws Exception {
        assertThat(form("/subscribe", "email=a%40example.org&name=" + "x".repeat(100_000), "1.1.1.1").statusCode()).isEqualTo(413);
        HttpResponse<String> api = post("/api/campaigns", "Title: Big\n\n" + "word ".repeat(1_200_000), "Bearer " + ADMIN, "text/markdown");
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void line_breaks_and_control_characters_in_email_or_name_are_refused_with_the_form_again() throws Exception {
        for (String body : new String[] {"email=" + enc("a@example.org\r\nBcc: victim@example.org"), "email=" + enc("a@example.org\u0000"),
            "email=b%40example.org&name=" + enc("Ann\r\nBcc: victim@example.org"), "email=c%40example.org&name=" + enc("Ann\u0007")}) {
            HttpResponse<String> r = form("/subscribe", body, "2.2.2.2");
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).contains("<form");
        }
        assertThat(app.subscribers().countByStatus().values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void sql_metacharacters_are_stored_as_text_and_script_in_a_name_is_escaped_on_pages_and_in_emails() throws Exception {
        String name = "<script>alert(1)</script>'); DROP TABLE subscriber;--";
        assertThat(form("/subscribe", "email=" + enc("o'brien+x@example.org") + "&name=" + enc(name), "3.3.3.3").statusCode()).isEqualTo(200);
        var s = app.subscribers().findByEmail(EmailAddress.parse("o'brien+x@example.org")).orElseThrow();
        assertThat(s.name()).isEqualTo(name);
        HttpResponse<String> again = form("/subscribe", "email=" + enc("bad\naddress") + "&name=" + enc(name), "3.3.3.4");
        assertThat(again.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(greenMail.waitForIncomingEmail(60_000, 1)).isTrue();
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(htmlPart(mail)).contains("&lt;script&gt;").doesNotContain("<script>");
        String confirm = "/confirm/" + tokens.create(Tokens.Purpose.CONFIRM, s.id(), s.subscribedAt().getEpochSecond());
        HttpResponse<String> page = get(confirm);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>");
        String unsubscribe = "/unsubscribe/" + tokens.create(Tokens.Purpose.UNSUBSCRIBE, s.id(), 0);
        assertThat(get(unsubscribe).body()).doesNotContain("<script>");
    }

    @Test
    void a_flood_from_one_client_or_to_one_address_is_rate_limited_and_sends_one_confirmation() throws Exception {
        int limited = 0;
        for (int i = 0; i < 25; i++) if (form("/subscribe", "email=flood" + i + "%40example.org", "4.4.4.4").statusCode() == 429) limited++;
        assertThat(limited).as("requests over the per-client limit").isGreaterThanOrEqualTo(5);
        int toOne = 0;
        for (int i = 0; i < 10; i++) if (form("/subscribe", "email=victim%40example.org", "5.5.5." + i).statusCode() == 429) toOne++;
        assertThat(toOne).as("requests over the per-address limit").isGreaterThanOrEqualTo(7);
        assertThat(greenMail.waitForIncomingEmail(60_000, 25 - limited + 1)).as("confirmations sent").isTrue();
        Thread.sleep(500);
        long toVictim = java.util.Arrays.stream(greenMail.getReceivedMessages())
            .filter(m -> { try { return m.getAllRecipients()[0].toString().contains("victim@"); } catch (Exception e) { return false; } }).count();
        assertThat(toVictim).as("confirmations mailed to the flooded address").isEqualTo(1);
    }

    @Test
    void forged_truncated_swapped_and_replayed_links_are_refused() throws Exception {
        assertThat(form("/subscribe", "email=reader%40example.org", "6.6.6.6").statusCode()).isEqualTo(200);
        var s = app.subscribers().findByEmail(EmailAddress.parse("reader@example.org")).orElseThrow();
        String good = tokens.create(Tokens.Purpose.CONFIRM, s.id(), s.subscribedAt().getEpochSecond());
        String forged = good.substring(0, 20) + (good.charAt(20) == 'A' ? 'B' : 'A') + good.substring(21);
        String unsubscribe = tokens.create(Tokens.Purpose.UNSUBSCRIBE, s.id(), 0);
        for (String bad : new String[] {forged, good.substring(0, 30), unsubscribe, "x".repeat(43), "%2e%2e%2f%2e%2e%2fetc%2fpasswd"})
            assertThat(get("/confirm/" + bad).statusCode()).as(bad).isIn(400, 404);
        assertThat(get("/unsubscribe/" + good).statusCode()).as("a confirm token used to unsubscribe").isEqualTo(400);
        assertThat(get("/confirm/" + good).statusCode()).isEqualTo(200);
        assertThat(form("/unsubscribe/" + unsubscribe, "", "6.6.6.6").statusCode()).isEqualTo(200);
        assertThat(get("/confirm/" + good).statusCode()).as("the confirmation link replayed after leaving").isEqualTo(400);
        assertThat(app.subscribers().findById(s.id()).orElseThrow().status().hasLeft()).isTrue();
    }

    @Test
    void the_api_and_the_webhook_refuse_a_missing_or_wrong_token() throws Exception {
        for (String auth : new String[] {null, "Bearer wrong", "Bearer " + ADMIN + "x", "Bearer " + ADMIN.substring(1), "Basic " + ADMIN}) {
            assertThat(post("/api/campaigns", "Title: T\n\nx\n", auth, "text/markdown").statusCode()).as("api with %s", auth).isEqualTo(401);
            assertThat(post("/webhooks/bounce", "{\"email\":\"a@example.org\",\"type\":\"hard\"}", auth, "application/json").statusCode())
                .as("webhook with %s", auth).isEqualTo(401);
        }
        assertThat(app.delivery().campaigns().list()).isEmpty();
    }

    @Test
    void cross_site_posts_to_the_admin_forms_are_refused_even_with_a_valid_session() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> crossLogin = noRedirects.send(adminForm("/admin/login", "token=" + ADMIN, null)
            .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossLogin.statusCode()).as("login posted from another site").isEqualTo(403);
        assertThat(noRedirects.send(adminForm("/admin/login", "token=wrong-token-of-some-length", null).build(),
            HttpResponse.BodyHandlers.ofString()).headers().firstValue("Set-Cookie")).as("session for a wrong token").isEmpty();
        HttpResponse<String> login = noRedirects.send(adminForm("/admin/login", "token=" + ADMIN, null).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Strict");
        long id = app.delivery().campaigns().create("x.md", "Title: X\n\nx\n".getBytes(StandardCharsets.UTF_8), java.time.Instant.now().plusSeconds(3600));
        String cancel = "/admin/campaigns/" + id + "/cancel";
        assertThat(noRedirects.send(adminForm(cancel, "", cookie).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
            .as("without the form's CSRF token").isEqualTo(403);
        assertThat(noRedirects.send(adminForm(cancel, "csrf=guess", cookie).header("Sec-Fetch-Site", "cross-site").build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).as("from another site").isEqualTo(403);
        assertThat(app.delivery().campaigns().get(id).status().db()).isEqualTo("scheduled");
    }

    private HttpRequest.Builder adminForm(String path, String body, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) b.header("Cookie", cookie);
        return b;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, String body, String client) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String auth, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) b.header("Authorization", auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + app.httpPort() + path;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The HTML part: the name also stands in the To header, as a quoted display name, where it is text. */
    private static String htmlPart(MimeMessage m) throws Exception {
        jakarta.mail.Multipart mp = (jakarta.mail.Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) if (mp.getBodyPart(i).isMimeType("text/html")) return (String) mp.getBodyPart(i).getContent();
        throw new AssertionError("no HTML part");
    }
}
