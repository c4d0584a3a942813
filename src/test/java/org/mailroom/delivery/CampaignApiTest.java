package org.mailroom.delivery;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.web.CampaignApi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign API over real HTTP on a free port. */
class CampaignApiTest {
    static final String TOKEN = "s3cret-admin-token";
    @TempDir
    Path dir;
    FakeSmtpServer smtp;
    Fixture f;
    Delivery d;
    Javalin app;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        smtp = new FakeSmtpServer(0, false);
        f = new Fixture(dir, smtp.port(), Map.of("delivery.rate", "5"));  // slow enough that the pause lands mid-campaign on a loaded machine
        f.subscribers(30);
        d = f.delivery();
        d.serve();
        app = Javalin.create();
        CampaignApi.register(app, new CampaignApi(d.campaigns(), TOKEN, 1_000_000));
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        d.close();
        f.close();
        smtp.close();
    }

    HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_editor_posts_an_issue_and_follows_pauses_and_resumes_it() throws Exception {
        HttpResponse<String> created = post("/api/campaigns?name=issue-9.md", Fixture.ISSUE, TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"id\": 1}");
        Fixture.await(() -> smtp.total() >= 3, 60_000, "sending");
        HttpResponse<String> paused = post("/api/campaigns/1/pause", "", TOKEN);
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(paused.body()).contains("\"status\": \"paused\"");
        assertThat(post("/api/campaigns/1/pause", "", TOKEN).statusCode()).isEqualTo(409);
        assertThat(post("/api/campaigns/1/resume", "", TOKEN).statusCode()).isEqualTo(200);
        Fixture.await(() -> d.campaigns().get(1).status() == CampaignStatus.FINISHED, 120_000, "finished");
        HttpResponse<String> progress = get("/api/campaigns/1", TOKEN);
        assertThat(progress.body()).contains("\"status\": \"finished\"").contains("\"sent\": 30").contains("\"failed\": 0")
            .contains("\"deferred\": 0").contains("\"pending\": 0");
    }

    @Test
    void a_campaign_posted_with_a_time_is_scheduled_and_can_be_cancelled() throws Exception {
        HttpResponse<String> created = post("/api/campaigns?at=2099-01-01T09:00:00Z", Fixture.ISSUE, TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(get("/api/campaigns/1", TOKEN).body()).contains("\"status\": \"scheduled\"");
        assertThat(post("/api/campaigns/1/cancel", "", TOKEN).body()).contains("\"status\": \"cancelled\"");
        assertThat(post("/api/campaigns?at=tomorrow", Fixture.ISSUE, TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void without_the_right_token_nothing_is_created_or_shown() throws Exception {
        assertThat(post("/api/campaigns", Fixture.ISSUE, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/campaigns", Fixture.ISSUE, "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/campaigns/1", TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(d.campaigns().list()).isEmpty();
        assertThat(get("/api/campaigns/42", TOKEN).statusCode()).isEqualTo(404);
        assertThat(post("/api/campaigns", "", TOKEN).statusCode()).isEqualTo(400);
    }
}
