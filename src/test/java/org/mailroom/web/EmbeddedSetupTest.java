package org.mailroom.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.App;
import org.mailroom.config.Config;
import org.mailroom.smtp.Outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The default setup: smtp.host=embedded, so the confirmation email lands in data.dir/outbox. */
class EmbeddedSetupTest {
    @TempDir
    Path dir;

    @Test
    void with_the_embedded_smtp_server_the_confirmation_lands_in_the_outbox_and_its_link_works() throws Exception {
        Config config = Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "data.dir", dir.toString(),
            "server.port", "0", "smtp.host", "embedded", "smtp.port", "0", "base.url", "http://localhost:1"));
        try (App app = App.start(config)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.httpPort();
            http.send(HttpRequest.newBuilder(URI.create(base + "/subscribe")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=new%40example.org")).build(), HttpResponse.BodyHandlers.ofString());
            Outbox outbox = app.embeddedSmtp().outbox();
            List<Outbox.Entry> mails = List.of();
            for (int i = 0; i < 600 && mails.isEmpty(); i++) { // up to a minute
                Thread.sleep(100);
                mails = outbox.list();
            }
            assertThat(mails).hasSize(1);
            String raw = new String(outbox.read(mails.get(0).id()), StandardCharsets.UTF_8);
            String token = raw.replaceAll("(?s).*http://localhost:1/confirm/([A-Za-z0-9_-]{43}).*", "$1");
            HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(base + "/confirm/" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(confirmed.body()).contains("You are subscribed");
            assertThat(Files.exists(dir.resolve("secret"))).isTrue();
        }
    }
}
