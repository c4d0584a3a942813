package org.mailroom.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.delivery.Campaign;
import org.mailroom.delivery.CampaignStatus;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's new-campaign form over HTTP: a pasted issue is previewed with its lint warnings, then scheduled. */
class DraftFormTest {
    static final String TOKEN = "draft-form-token-0123456789";
    static final String ISSUE = "Title: Weekly 7\nNumber: 7\nDate: 2026-01-05\n\nHello <b>readers</b>, see [the docs](http://example.org/docs) and [nothing]().\n";
    @TempDir
    Path dir;
    TestServer server;
    AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir, 0, Map.of("smtp.host", "embedded", "smtp.port", "0", "admin.token", TOKEN));
        admin = new AdminClient(server);
        admin.login(TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_pasted_issue_is_previewed_with_its_warnings_and_a_later_start_schedules_it() throws Exception {
        HttpResponse<String> preview = admin.post("/admin/new/preview", "name=weekly-7.md&markdown=" + URLEncoder.encode(ISSUE, StandardCharsets.UTF_8), true);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<h2>Weekly 7</h2>", "Lint warnings", "<iframe class=\"preview\" id=\"preview\" sandbox");
        assertThat(admin.get("/admin/new/html").body()).contains("Weekly 7");
        String at = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString().substring(0, 16);
        HttpResponse<String> sent = admin.post("/admin/new/send", "at=" + at, true);
        assertThat(sent.statusCode()).isEqualTo(302);
        Campaign c = server.app.delivery().campaigns().list().get(0);
        assertThat(c.status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(c.scheduledAt().toString()).startsWith(at);
        assertThat(sent.headers().firstValue("Location")).hasValue("/admin/campaigns/" + c.id());
        assertThat(admin.post("/admin/new/send", "", true).statusCode()).as("the draft is used up").isEqualTo(400);
    }

    @Test
    void an_issue_that_cannot_be_rendered_is_shown_with_its_reason() throws Exception {
        HttpResponse<String> r = admin.post("/admin/new/preview", "name=empty.md&markdown=" + URLEncoder.encode("   \n", StandardCharsets.UTF_8), true);
        assertThat(r.statusCode()).isEqualTo(400);
    }
}
