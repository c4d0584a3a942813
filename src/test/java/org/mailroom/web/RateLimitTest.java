package org.mailroom.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void a_flood_from_one_client_is_answered_429_with_a_friendly_page() throws Exception {
        try (TestServer server = new TestServer(dir, greenMail.getSmtp().getPort(), Map.of("subscribe.rate-per-ip", "3"))) {
            for (int i = 0; i < 3; i++) assertThat(server.postForm("/subscribe", "email=r" + i + "%40example.org").statusCode()).isEqualTo(200);
            HttpResponse<String> limited = server.postForm("/subscribe", "email=r9%40example.org");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).contains("Too many requests");
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void a_flood_to_one_address_is_answered_429_whoever_sends_it() throws Exception {
        try (TestServer server = new TestServer(dir, greenMail.getSmtp().getPort(), Map.of("subscribe.rate-per-email", "2"))) {
            assertThat(server.postForm("/subscribe", "email=victim%40example.org").statusCode()).isEqualTo(200);
            assertThat(server.postForm("/subscribe", "email=VICTIM%40example.org").statusCode()).isEqualTo(200);
            assertThat(server.postForm("/subscribe", "email=victim%40example.org").statusCode()).isEqualTo(429);
            assertThat(server.postForm("/subscribe", "email=other%40example.org").statusCode()).isEqualTo(200);
        }
    }
}
