package org.mailroom.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.subscriber.EmailAddress;
import org.mailroom.subscriber.Status;
import org.mailroom.subscriber.Subscriber;
import org.mailroom.subscriber.Tokens;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Readers over real HTTP against a real H2 file, with GreenMail catching the confirmation emails. */
class ReaderFlowTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir, greenMail.getSmtp().getPort(), Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void subscribing_sends_an_email_whose_link_confirms() throws Exception {
        HttpResponse<String> answer = subscribe("email=reader%40example.org&name=Ann");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Check your inbox");
        assertThat(subscriber("reader@example.org").status()).isEqualTo(Status.PENDING);

        MimeMessage mail = onlyEmail();
        assertThat(mail.getAllRecipients()[0].toString()).contains("reader@example.org");
        assertThat(mail.getSubject()).isEqualTo("Confirm your subscription to The Weekly Test");
        HttpResponse<String> confirmed = server.get(TestServer.confirmPath(mail));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed", "reader@example.org");
        Subscriber s = subscriber("reader@example.org");
        assertThat(s.status()).isEqualTo(Status.CONFIRMED);
        assertThat(s.subscribedSource()).isEqualTo("form");
        assertThat(s.subscribedIp()).isEqualTo("127.0.0.1");
        assertThat(s.confirmedIp()).isEqualTo("127.0.0.1");
        assertThat(server.get(TestServer.confirmPath(mail)).statusCode()).as("a second click is fine").isEqualTo(200);
    }

    @Test
    void the_unsubscribe_page_has_one_button_and_posting_it_unsubscribes_once_or_twice() throws Exception {
        Subscriber s = confirmedReader("leaver@example.org");
        String path = "/unsubscribe/" + server.tokens.create(Tokens.Purpose.UNSUBSCRIBE, s.id(), 77);
        HttpResponse<String> page = server.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("leaver@example.org", "<form method=\"post\" action=\"" + path + "\"");
        assertThat(page.body().split("<button", -1)).hasSize(2);
        assertThat(subscriber("leaver@example.org").status()).as("GET alone changes nothing").isEqualTo(Status.CONFIRMED);

        HttpResponse<String> done = server.postForm(path, "");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed");
        Subscriber left = subscriber("leaver@example.org");
        assertThat(left.status()).isEqualTo(Status.UNSUBSCRIBED);
        assertThat(left.leftSource()).isEqualTo("link");
        assertThat(left.leftCampaignId()).isEqualTo(77L);
        assertThat(server.postForm(path, "").statusCode()).isEqualTo(200);
    }

    @Test
    void one_click_posts_unsubscribe_at_once_without_redirect_urlencoded_or_multipart() throws Exception {
        Subscriber a = confirmedReader("a@example.org");
        Subscriber b = confirmedReader("b@example.org");
        HttpResponse<String> first = server.postForm(unsubscribePath(a), "List-Unsubscribe=One-Click");
        HttpResponse<String> second = server.postMultipart(unsubscribePath(b), "List-Unsubscribe", "One-Click");
        for (HttpResponse<String> r : new HttpResponse[] {first, second}) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Location")).isEmpty();
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(subscriber("a@example.org").leftSource()).isEqualTo("one-click");
        assertThat(subscriber("b@example.org").status()).isEqualTo(Status.UNSUBSCRIBED);
    }

    @Test
    void a_test_emails_unsubscribe_link_says_so_and_changes_nothing() throws Exception {
        Subscriber reader = confirmedReader("reader@example.org");
        String path = "/unsubscribe/" + server.tokens.create(Tokens.Purpose.UNSUBSCRIBE, Tokens.TEST_SUBSCRIBER, 0);
        for (HttpResponse<String> r : new HttpResponse[] {server.get(path), server.postForm(path, ""), server.postForm(path, "List-Unsubscribe=One-Click")}) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("This link came from a test email").doesNotContain("<button");
        }
        assertThat(subscriber("reader@example.org").status()).isEqualTo(Status.CONFIRMED);
        assertThat(reader.id()).isNotEqualTo(Tokens.TEST_SUBSCRIBER);
    }

    @Test
    void forged_truncated_and_swapped_tokens_get_the_not_valid_page() throws Exception {
        Subscriber s = confirmedReader("target@example.org");
        String unsubscribe = server.tokens.create(Tokens.Purpose.UNSUBSCRIBE, s.id(), 0);
        String confirm = server.tokens.create(Tokens.Purpose.CONFIRM, s.id(), s.subscribedAt().getEpochSecond());
        String forged = unsubscribe.substring(0, 20) + (unsubscribe.charAt(20) == 'A' ? 'B' : 'A') + unsubscribe.substring(21);
        for (String path : new String[] {"/unsubscribe/" + forged, "/unsubscribe/" + unsubscribe.substring(0, 42),
            "/unsubscribe/" + confirm, "/confirm/" + unsubscribe, "/confirm/x"}) {
            HttpResponse<String> r = path.startsWith("/unsubscribe") ? server.postForm(path, "List-Unsubscribe=One-Click") : server.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains("This link is not valid");
        }
        assertThat(server.get("/unsubscribe/" + forged).statusCode()).isEqualTo(400);
        assertThat(subscriber("target@example.org").status()).isEqualTo(Status.CONFIRMED);
    }

    @Test
    void known_and_unknown_addresses_get_the_same_answer() throws Exception {
        confirmedReader("known@example.org");
        HttpResponse<String> known = subscribe("email=known%40example.org");
        HttpResponse<String> unknown = subscribe("email=unknown%40example.org");
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(known.body()).isEqualTo(unknown.body());
    }

    @Test
    void a_filled_honeypot_gets_the_same_page_and_nothing_happens() throws Exception {
        HttpResponse<String> bot = subscribe("email=bot%40example.org&website=http%3A%2F%2Fspam.example");
        HttpResponse<String> person = subscribe("email=person%40example.org&website=");
        assertThat(bot.statusCode()).isEqualTo(200);
        assertThat(bot.body()).isEqualTo(person.body());
        assertThat(greenMail.waitForIncomingEmail(60_000, 1)).isTrue();
        Thread.sleep(300);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(server.app.subscribers().findByEmail(EmailAddress.parse("bot@example.org"))).isEmpty();
    }

    @Test
    void a_pending_address_gets_its_email_again_only_after_the_resend_interval() throws Exception {
        subscribe("email=twice%40example.org");
        subscribe("email=twice%40example.org");
        assertThat(greenMail.waitForIncomingEmail(60_000, 1)).isTrue();
        Thread.sleep(300);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void someone_who_left_and_subscribes_again_gets_a_new_confirmation_and_old_links_stop_working() throws Exception {
        subscribe("email=back%40example.org");
        String oldLink = TestServer.confirmPath(onlyEmail());
        server.get(oldLink);
        Subscriber s = subscriber("back@example.org");
        server.postForm(unsubscribePath(s), "List-Unsubscribe=One-Click");
        assertThat(server.get(oldLink).statusCode()).as("a link from before leaving cannot bring them back").isEqualTo(400);
        Thread.sleep(1100); // the new consent must start in a later second than the old one
        subscribe("email=back%40example.org");
        assertThat(greenMail.waitForIncomingEmail(60_000, 2)).isTrue();
        assertThat(subscriber("back@example.org").status()).isEqualTo(Status.PENDING);
        String newLink = TestServer.confirmPath(greenMail.getReceivedMessages()[1]);
        assertThat(newLink).isNotEqualTo(oldLink);
        assertThat(server.get(newLink).statusCode()).isEqualTo(200);
        assertThat(subscriber("back@example.org").status()).isEqualTo(Status.CONFIRMED);
    }

    @Test
    void script_in_a_name_is_escaped_on_pages_and_in_the_email() throws Exception {
        String name = "<script>alert(1)</script>";
        HttpResponse<String> invalid = subscribe("email=%3Cscript%3E&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).doesNotContain("<script>").contains("&lt;script&gt;");
        subscribe("email=x%40example.org&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        MimeMessage mail = onlyEmail();
        assertThat(TestServer.htmlPart(mail)).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(TestServer.textPart(mail)).contains("Hello " + name);
    }

    @Test
    void sql_metacharacters_in_a_name_are_stored_as_typed() throws Exception {
        String name = "Robert'); DROP TABLE subscriber;-- \"\\ %_";
        assertThat(subscribe("email=bobby%40example.org&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(subscriber("bobby@example.org").name()).isEqualTo(name);
    }

    @Test
    void line_breaks_in_email_or_name_are_rejected() throws Exception {
        HttpResponse<String> email = subscribe("email=a%40example.org%0D%0ABcc%3A+b%40example.org");
        HttpResponse<String> name = subscribe("email=a%40example.org&name=Ann%0D%0ABcc%3A+b%40example.org");
        assertThat(email.statusCode()).isEqualTo(400);
        assertThat(email.body()).contains("line break");
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(name.body()).contains("name contains a line break");
        assertThat(server.app.subscribers().findByEmail(EmailAddress.parse("a@example.org"))).isEmpty();
    }

    @Test
    void oversized_bodies_are_refused() throws Exception {
        HttpResponse<String> r = subscribe("email=a%40example.org&name=" + "x".repeat(100_000));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("Too large");
        // Without a length (chunked), the size is unknown until read: refused before reading.
        HttpResponse<String> chunked = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/subscribe")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream("email=a%40example.org".getBytes())))
            .build());
        assertThat(chunked.statusCode()).isEqualTo(411);
        assertThat(server.app.subscribers().findByEmail(EmailAddress.parse("a@example.org"))).isEmpty();
    }

    @Test
    void pages_carry_safe_headers_and_health_answers_json() throws Exception {
        HttpResponse<String> form = server.get("/");
        assertThat(form.body()).contains("<label for=\"email\">", "name=\"website\"");
        assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'", "frame-ancestors 'none'"));
        assertThat(form.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(form.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        HttpResponse<String> health = server.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(health.body()).isEqualTo("{\"database\":\"up\",\"delivery\":\"up\",\"status\":\"up\"}");
        assertThat(server.get("/no-such-page").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> subscribe(String form) throws Exception {
        return server.postForm("/subscribe", form);
    }

    private Subscriber confirmedReader(String email) throws Exception {
        int before = greenMail.getReceivedMessages().length;
        subscribe("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(greenMail.waitForIncomingEmail(60_000, before + 1)).isTrue();
        server.get(TestServer.confirmPath(greenMail.getReceivedMessages()[before]));
        assertThat(subscriber(email).status()).isEqualTo(Status.CONFIRMED);
        return subscriber(email);
    }

    private String unsubscribePath(Subscriber s) {
        return "/unsubscribe/" + server.tokens.create(Tokens.Purpose.UNSUBSCRIBE, s.id(), 0);
    }

    private MimeMessage onlyEmail() {
        assertThat(greenMail.waitForIncomingEmail(60_000, 1)).isTrue();
        MimeMessage[] all = greenMail.getReceivedMessages();
        assertThat(all).hasSize(1);
        return all[0];
    }

    private Subscriber subscriber(String email) {
        return server.app.subscribers().findByEmail(EmailAddress.parse(email)).orElseThrow();
    }
}
