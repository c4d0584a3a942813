package org.mailroom.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.delivery.CampaignStatus;
import org.mailroom.message.MessageTemplate;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /metrics and the public archive after a real campaign through the embedded SMTP server. */
class MetricsAndArchiveTest {
    @TempDir
    Path dir;
    TestServer server;
    long campaign;

    @BeforeEach
    void sendOneIssue() throws Exception {
        server = new TestServer(dir, 0, Map.of("smtp.host", "embedded", "smtp.port", "0", "admin.token", "t0ken-for-tests-only"));
        Readers.add(server.app, 40);
        byte[] issue = Files.readAllBytes(Path.of("examples/sample-issue.md"));
        campaign = server.app.delivery().campaigns().create("sample-issue.md", issue, null);
        long until = System.currentTimeMillis() + 120_000;
        while (server.app.delivery().campaigns().get(campaign).status() != CampaignStatus.FINISHED && System.currentTimeMillis() < until) Thread.sleep(100);
        assertThat(server.app.delivery().campaigns().get(campaign).status()).isEqualTo(CampaignStatus.FINISHED);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void metrics_parse_as_prometheus_text_and_the_delivery_counts_match_the_delivery_table() throws Exception {
        HttpResponse<String> r = server.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        Map<String, Double> samples = Prometheus.parse(r.body());
        Map<String, Long> table = deliveryStates();
        assertThat(table).containsEntry("sent", 40L);
        table.forEach((state, n) -> assertThat(samples.get("mailroom_deliveries{campaign=\"" + campaign + "\",state=\"" + state + "\"}"))
            .as(state).isEqualTo(n.doubleValue()));
        assertThat(samples.get("mailroom_subscribers{status=\"confirmed\"}")).isEqualTo(40.0);
        assertThat(samples.get("mailroom_queue_depth")).isEqualTo(0.0);
        assertThat(samples.get("mailroom_bounces{kind=\"complaint\"}")).isEqualTo(0.0);
        assertThat(samples.get("mailroom_smtp_send_seconds_count")).isEqualTo(40.0);
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("mailroom_smtp_send_seconds_bucket{le="));
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes"));
        assertThat(r.body()).as("no personal data").doesNotContain("@example.com");
    }

    @Test
    void the_archive_lists_the_issue_shows_it_without_personal_links_and_feeds_it_as_atom() throws Exception {
        HttpResponse<String> list = server.get("/archive");
        assertThat(list.body()).contains("href=\"/archive/42\"", "Mailroom Weekly 42");
        HttpResponse<String> page = server.get("/archive/42");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mailroom Weekly").doesNotContain(MessageTemplate.TOKEN_PLACEHOLDER).contains("<a href=\"" + TestServer.BASE_URL + "/subscribe\">Subscribe</a> to get each issue by email.")
            .doesNotContain("/unsubscribe/");
        assertThat(server.get("/archive/41").statusCode()).isEqualTo(404);
        HttpResponse<String> feed = server.get("/archive/feed.xml");
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document atom = f.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(atom.getElementsByTagNameNS("*", "entry").getLength()).isEqualTo(1);
        assertThat(atom.getElementsByTagNameNS("*", "id").item(1).getTextContent()).isEqualTo(TestServer.BASE_URL + "/archive/42");
        assertThat(atom.getElementsByTagNameNS("*", "updated").getLength()).isEqualTo(2);
    }

    private Map<String, Long> deliveryStates() {
        return server.app.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM delivery WHERE campaign_id = ? GROUP BY state")) {
                ps.setLong(1, campaign);
                Map<String, Long> m = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) m.put(rs.getString(1), rs.getLong(2));
                }
                return m;
            }
        });
    }
}
