package org.mailroom.bounce;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BounceWebhookTest {
    private static final String TOKEN = "admin-token-for-tests";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private BounceFixture f;
    private Javalin app;

    @BeforeEach
    void start() {
        f = new BounceFixture(dir);
        app = Javalin.create();
        BounceWebhook.register(app, f.rules, TOKEN, id -> id.equals("c42.s1.7f3e@example.org") ? Optional.of(42L) : Optional.empty());
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        f.close();
    }

    private HttpResponse<String> post(String authorization, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + BounceWebhook.PATH))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) r.header("Authorization", authorization);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post("Bearer " + TOKEN, body);
    }

    @Test
    void a_hard_bounce_posted_with_the_token_marks_the_subscriber_bounced() throws Exception {
        HttpResponse<String> r = post("{\"email\": \"Alice@Example.com\", \"type\": \"hard\", \"reason\": \"550 5.1.1 user unknown\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"recorded\":1,\"changed\":1}");
        assertThat(f.status(1)).isEqualTo("bounced");
    }

    @Test
    void a_complaint_marks_complained_and_a_retried_event_id_records_nothing() throws Exception {
        String body = "{\"email\": \"frank@yahoo.example\", \"type\": \"complaint\", \"id\": \"evt-1\"}";
        assertThat(post(body).statusCode()).isEqualTo(200);
        HttpResponse<String> again = post(body);
        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(f.status(6)).isEqualTo("complained");
        assertThat(f.count("bounce")).isEqualTo(1);
    }

    @Test
    void no_token_or_a_wrong_one_is_401() throws Exception {
        assertThat(post(null, "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post("Bearer nope", "{\"email\": \"alice@example.com\", \"type\": \"hard\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(f.status(1)).isEqualTo("confirmed");
    }

    @Test
    void bad_json_an_unknown_type_or_a_bad_email_is_400_with_the_reason() throws Exception {
        assertThat(post("{not json").body()).contains("body is not JSON");
        HttpResponse<String> type = post("{\"email\": \"alice@example.com\", \"type\": \"bounced\"}");
        assertThat(type.statusCode()).isEqualTo(400);
        assertThat(type.body()).contains("type: must be hard, soft or complaint, got 'bounced'");
        assertThat(post("{\"email\": \"not-an-address\", \"type\": \"hard\"}").body()).contains("email: not an address");
        assertThat(post("{\"type\": \"hard\"}").body()).contains("email: missing");
        assertThat(post("[1, 2]").body()).contains("JSON object");
        assertThat(f.count("bounce")).isZero();
    }

    @Test
    void an_ses_permanent_bounce_in_its_sns_envelope_with_basic_auth_is_a_hard_bounce_of_its_campaign() throws Exception {
        String ses = "{\"notificationType\":\"Bounce\",\"bounce\":{\"feedbackId\":\"0100-abc\",\"bounceType\":\"Permanent\","
            + "\"bounceSubType\":\"General\",\"bouncedRecipients\":[{\"emailAddress\":\"Alice <alice@example.com>\",\"action\":\"failed\","
            + "\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],\"timestamp\":\"2026-11-25T10:00:00.000Z\"},"
            + "\"mail\":{\"messageId\":\"0100-ses-id\",\"commonHeaders\":{\"messageId\":\"<c42.s1.7f3e@example.org>\"}}}";
        String sns = "{\"Type\":\"Notification\",\"MessageId\":\"sns-1\",\"TopicArn\":\"arn:aws:sns:eu-west-1:123:bounces\","
            + "\"Message\":" + com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(ses) + "}";
        String basic = "Basic " + Base64.getEncoder().encodeToString(("sns:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = post(basic, sns);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(f.status(1)).isEqualTo("bounced");
        assertThat(new BounceRates(f.store, id -> 100).perCampaign()).singleElement()
            .satisfies(c -> assertThat(c.campaignId()).isEqualTo(42L));
        assertThat(post(basic, sns).body()).contains("duplicate"); // SNS retries
    }

    @Test
    void an_ses_complaint_and_transient_bounce_are_complaint_and_soft() throws Exception {
        post("{\"notificationType\":\"Complaint\",\"complaint\":{\"feedbackId\":\"c-1\",\"complaintFeedbackType\":\"abuse\","
            + "\"complainedRecipients\":[{\"emailAddress\":\"carol@contoso.example\"}]},\"mail\":{}}");
        post("{\"notificationType\":\"Bounce\",\"bounce\":{\"feedbackId\":\"b-2\",\"bounceType\":\"Transient\",\"bounceSubType\":\"MailboxFull\","
            + "\"bouncedRecipients\":[{\"emailAddress\":\"bob@example.net\"}]},\"mail\":{}}");
        assertThat(f.status(3)).isEqualTo("complained");
        assertThat(f.status(2)).isEqualTo("confirmed");
        assertThat(f.bounceCount(2)).isEqualTo(1);
    }

    @Test
    void an_sns_subscription_confirmation_is_answered_without_recording() throws Exception {
        HttpResponse<String> r = post("{\"Type\":\"SubscriptionConfirmation\",\"TopicArn\":\"arn:aws:sns:eu-west-1:123:bounces\","
            + "\"SubscribeURL\":\"https://sns.example/confirm?x=1\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"recorded\":0");
    }
}
