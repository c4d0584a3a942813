package org.mailroom.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.delivery.CampaignStatus;
import org.mailroom.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every query of the operator's pages, /metrics and the archive, on PostgreSQL. Skipped without PostgreSQL binaries. */
class OperatorPostgresIT {
    @RegisterExtension
    static final PostgresServer.PerClass pg = new PostgresServer.PerClass();
    @TempDir
    Path dir;

    @Test
    void the_operator_pages_metrics_and_archive_read_a_campaign_sent_on_postgresql() throws Exception {
        String url = pg.createDatabase("operator");
        try (TestServer server = new TestServer(dir, 0, Map.of("db.url", url, "db.username", "postgres", "smtp.host", "embedded",
            "smtp.port", "0", "admin.token", "pg-operator-token-0123456789"))) {
            Readers.add(server.app, 20);
            long id = server.app.delivery().campaigns().create("sample-issue.md", Files.readAllBytes(Path.of("examples/sample-issue.md")), null);
            long until = System.currentTimeMillis() + 120_000;
            while (server.app.delivery().campaigns().get(id).status() != CampaignStatus.FINISHED && System.currentTimeMillis() < until) Thread.sleep(100);
            AdminClient admin = new AdminClient(server);
            admin.login("pg-operator-token-0123456789");
            assertThat(admin.get("/admin").body()).contains("Mailroom Weekly 42");
            assertThat(admin.get("/admin/campaigns/" + id).body()).contains("<title>", "class=\"bar\"");
            assertThat(admin.get("/admin/log?outcome=sent&recipient=reader1&from=2000-01-01T00:00&campaign=" + id).body()).contains("reader1@example.com");
            assertThat(admin.get("/admin/subscribers?q=reader2").body()).contains("reader2@example.com");
            assertThat(admin.get("/admin/subscribers/1").body()).contains("<td>sent</td>", "None.");
            assertThat(Prometheus.parse(server.get("/metrics").body())).containsEntry("mailroom_deliveries{campaign=\"" + id + "\",state=\"sent\"}", 20.0);
            assertThat(server.get("/archive/42").statusCode()).isEqualTo(200);
            assertThat(server.get("/archive/feed.xml").body()).contains("<entry>");
        }
    }
}
