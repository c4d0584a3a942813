package org.mailroom.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.App;
import org.mailroom.config.Config;
import org.mailroom.delivery.CampaignStatus;
import org.mailroom.delivery.FakeSmtpServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** serve's /health while its database refuses writes mid-campaign: 503 with the cause, then 200 once writes work again. */
class HealthIT {
    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void health_says_sending_stopped_and_why_while_the_database_refuses_writes() throws Exception {
        try (FullDisk disk = FullDisk.at(dir, false); FakeSmtpServer smtp = new FakeSmtpServer(0, false)) {
            Map<String, String> c = new HashMap<>(Map.of("db.url", disk.dbUrl(), "data.dir", dir.resolve("data").toString(), "server.port", "0",
                "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(smtp.port()), "delivery.rate", "200", "delivery.lease-seconds", "20"));
            try (App app = App.start(Config.of(c))) {
                try (Rig rows = new Rig(dir, disk.dbUrl(), smtp, Map.of())) {
                    rows.subscribers(1000);
                }
                long id = app.delivery().campaigns().create("h.md", "Title: Health\n\nHi.\n".getBytes(StandardCharsets.UTF_8), null);
                Rig.await(() -> smtp.total() > 100, Duration.ofSeconds(60), "sending");
                assertThat(health(app).statusCode()).isEqualTo(200);
                disk.fill();
                // the status and the cause are read from the same answer: a second request would see a later moment
                Rig.await(() -> seen(health(app)).statusCode() == 503 && last.body().contains("\"delivery\":\"down\"")
                    && last.body().contains("No space left on device"), Duration.ofSeconds(60), () -> "health down with the cause, last: " + shown());
                disk.free();
                Rig.await(() -> seen(health(app)).statusCode() == 200, Duration.ofSeconds(120), () -> "health up again, last: " + shown());
                Rig.await(() -> app.delivery().campaigns().get(id).status() == CampaignStatus.FINISHED, Duration.ofSeconds(180), "finished");
            }
        }
    }

    private volatile HttpResponse<String> last;

    private HttpResponse<String> seen(HttpResponse<String> r) {
        last = r;
        return r;
    }

    private String shown() {
        HttpResponse<String> r = last;
        return r == null ? "no answer" : r.statusCode() + " " + r.body();
    }

    private HttpResponse<String> health(App app) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
