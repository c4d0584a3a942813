package org.mailroom.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.bounce.Verp;
import org.mailroom.delivery.CampaignStatus;
import org.mailroom.delivery.FakeSmtpServer;
import org.mailroom.subscriber.EmailAddress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What serve's mailer, as App builds and wraps it (envelope senders, relay pool, SMTP timing), puts on the wire. */
class ServeMailerTest {
    private static final String VERP = "bounces+{token}@example.org";
    private static final byte[] ISSUE = "Title: Weekly 1\nDate: 2026-11-25\n\nHello **readers**.\n".getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path dir;
    FakeSmtpServer relay;

    @BeforeEach
    void start() throws Exception {
        relay = new FakeSmtpServer(0, false);
    }

    @AfterEach
    void stop() throws Exception {
        relay.close();
    }

    private TestServer serve(Map<String, String> extra) {
        Map<String, String> c = new java.util.HashMap<>(Map.of("smtp.relays", "127.0.0.1:" + relay.port(), "delivery.concurrency", "1"));
        c.putAll(extra);
        return new TestServer(dir, relay.port(), c);
    }

    private static long sendCampaign(TestServer server, int readers) throws InterruptedException {
        Readers.add(server.app, readers);
        long id = server.app.delivery().campaigns().create("weekly-1.md", ISSUE, null);
        long until = System.currentTimeMillis() + 30_000;
        while (server.app.delivery().campaigns().get(id).status() != CampaignStatus.FINISHED && System.currentTimeMillis() < until) Thread.sleep(50);
        assertThat(server.app.delivery().campaigns().get(id).status()).isEqualTo(CampaignStatus.FINISHED);
        return id;
    }

    @Test
    void serve_pipelines_each_next_envelope_behind_the_end_of_data_through_its_relay_pool_and_timing_wrappers() throws Exception {
        relay.watchPipelining(300);
        try (TestServer server = serve(Map.of())) {
            sendCampaign(server, 30);
        }
        assertThat(relay.total()).isEqualTo(30);
        // a client that waits for each reply never sends before it; only a batch's last message has no next envelope
        assertThat(relay.pipelinedAfterData()).as("messages whose next envelope arrived before their 250").isGreaterThan(15);
    }

    @Test
    void without_bounce_verp_every_message_goes_out_with_the_address_of_mail_from_as_envelope_sender() throws Exception {
        try (TestServer server = serve(Map.of("mail.from", "The Weekly <weekly@news.example.org>"))) {
            sendCampaign(server, 5);
        }
        assertThat(relay.senders).hasSize(5).allSatisfy((reader, senders) -> assertThat(senders).as(reader).containsExactly("weekly@news.example.org"));
    }

    @Test
    void with_bounce_verp_each_reader_gets_their_own_envelope_sender_naming_them_and_the_campaign_also_when_pipelined() throws Exception {
        relay.watchPipelining(300);
        Verp verp = Verp.of(VERP, TestServer.SECRET.getBytes(StandardCharsets.UTF_8));
        try (TestServer server = serve(Map.of("bounce.verp", VERP))) {
            long campaign = sendCampaign(server, 30);
            for (int i = 0; i < 30; i++) {
                String reader = "reader" + i + "@example.com";
                long subscriber = server.app.subscribers().findByEmail(EmailAddress.parse(reader)).orElseThrow().id();
                List<String> senders = relay.senders.get(reader);
                assertThat(senders).as(reader).containsExactly(verp.envelopeSender(subscriber, campaign).orElseThrow());
                assertThat(verp.parse(senders.get(0))).contains(new Verp.Claim(subscriber, campaign));
            }
        }
        assertThat(relay.senders.values().stream().distinct()).hasSize(30);
        assertThat(relay.pipelinedAfterData()).as("envelopes sent ahead, each with its own sender").isGreaterThan(15);
    }
}
