package org.mailroom.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.delivery.CampaignStatus;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's pages after one finished campaign to 120 readers, over real HTTP. */
class OperatorPagesTest {
    static final String TOKEN = "operator-pages-token-0123456789";
    @TempDir
    Path dir;
    TestServer server;
    AdminClient admin;
    long campaign;

    @BeforeEach
    void sendOneIssue() throws Exception {
        server = new TestServer(dir, 0, Map.of("smtp.host", "embedded", "smtp.port", "0", "admin.token", TOKEN));
        Readers.add(server.app, 120);
        campaign = server.app.delivery().campaigns().create("sample-issue.md", Files.readAllBytes(Path.of("examples/sample-issue.md")), null);
        long until = System.currentTimeMillis() + 120_000;
        while (server.app.delivery().campaigns().get(campaign).status() != CampaignStatus.FINISHED && System.currentTimeMillis() < until) Thread.sleep(100);
        admin = new AdminClient(server);
        admin.login(TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_campaign_page_draws_its_chart_and_frames_the_stored_html_in_a_sandbox() throws Exception {
        String page = admin.get("/admin/campaigns/" + campaign).body();
        assertThat(page).contains("<svg class=\"chart\"", "class=\"bar\"", "<iframe class=\"preview\" sandbox src=\"/admin/campaigns/" + campaign + "/html\"");
        HttpResponse<String> html = admin.get("/admin/campaigns/" + campaign + "/html");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox;").contains("frame-ancestors 'self'");
        assertThat(html.body()).contains("Mailroom Weekly 42");
        assertThat(admin.get("/admin/campaigns/" + campaign + "/text").body()).contains("Read it on the web");
        assertThat(admin.get("/admin/campaigns/9999").statusCode()).isEqualTo(404);
    }

    @Test
    void the_live_progress_answers_every_campaign_as_json() throws Exception {
        String json = admin.get("/admin/progress.json").body();
        assertThat(json).startsWith("[{").contains("\"id\":" + campaign, "\"status\":\"finished\"", "\"sent\":120", "\"percent\":100");
    }

    @Test
    void the_log_pages_newest_first_by_keyset_and_keeps_its_filters() throws Exception {
        String first = admin.get("/admin/log?outcome=sent&recipient=reader").body();
        assertThat(count(first, "<td class=\"outcome\">sent")).isEqualTo(AdminLogHandlers.PAGE);
        assertThat(nextLink(first)).contains("outcome=sent", "recipient=reader");
        String second = admin.get(nextLink(first)).body();
        String third = admin.get(nextLink(second)).body();
        assertThat(count(second, "<td class=\"outcome\">sent") + count(third, "<td class=\"outcome\">sent")).isEqualTo(120 - AdminLogHandlers.PAGE);
        assertThat(third).doesNotContain("id=\"older\"");
        assertThat(admin.get("/admin/log?recipient=reader7%40").body()).contains("reader7@example.com").doesNotContain("reader8@example.com");
        assertThat(admin.get("/admin/log?outcome=sent&until=2000-01-01T00:00").body()).contains("Nothing matches.");
    }

    @Test
    void a_complaint_rate_over_a_tenth_of_a_percent_is_shown_as_a_warning() throws Exception {
        complaint("reader3@example.com");
        String page = admin.get("/admin").body();
        assertThat(page).contains("Bounces and complaints", "CRITICAL: complaints over 0.1%", "0.83%");
        assertThat(Prometheus.parse(server.get("/metrics").body())).containsEntry("mailroom_campaign_complaint_rate{campaign=\"" + campaign + "\"}", 1 / 120.0)
            .containsEntry("mailroom_bounces{kind=\"complaint\"}", 1.0);
    }

    @Test
    void subscribers_are_counted_found_by_address_and_shown_with_their_history() throws Exception {
        complaint("reader3@example.com");
        String list = admin.get("/admin/subscribers?q=READER3%40").body();
        assertThat(list).contains("<dt>confirmed</dt><dd>120</dd>", "reader3@example.com").doesNotContain("reader4@example.com");
        Matcher link = Pattern.compile("href=\"(/admin/subscribers/\\d+)\">reader3@").matcher(list);
        assertThat(link.find()).isTrue();
        String history = admin.get(link.group(1)).body();
        assertThat(history).contains("<h1>reader3@example.com</h1>", "<td>sent</td>", "<td>complaint</td>", "250");
    }

    @Test
    void the_outbox_lists_what_the_embedded_server_received_and_shows_each_message_three_ways() throws Exception {
        String outbox = admin.get("/admin/outbox").body();
        Matcher m = Pattern.compile("href=\"/admin/outbox/(\\d{13}-\\d{6}\\.eml)\"").matcher(outbox);
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        assertThat(admin.get("/admin/outbox/" + id).body()).contains("Mailroom Weekly 42", "iframe class=\"preview\" id=\"message-html\" sandbox");
        assertThat(admin.get("/admin/outbox/" + id + "/html").headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox;");
        assertThat(admin.get("/admin/outbox/" + id + "/raw").body()).contains("Delivered-To: reader", "List-Unsubscribe");
        assertThat(admin.get("/admin/outbox/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
    }

    private void complaint(String email) {
        server.app.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bounce (subscriber_id, email, campaign_id, kind, source, received_at) "
                + "SELECT id, email, ?, 'complaint', 'webhook', ? FROM subscriber WHERE email = ?")) {
                ps.setLong(1, campaign);
                ps.setObject(2, Instant.now().atOffset(ZoneOffset.UTC));
                ps.setString(3, email);
                return ps.executeUpdate();
            }
        });
    }

    private static String nextLink(String page) {
        Matcher next = Pattern.compile("href=\"(/admin/log\\?before[^\"]*)\" id=\"older\"").matcher(page);
        if (!next.find()) throw new AssertionError("no next page");
        return next.group(1).replace("&#61;", "=").replace("&amp;", "&");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
