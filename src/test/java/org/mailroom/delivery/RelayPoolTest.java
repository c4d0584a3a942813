package org.mailroom.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;
import org.mailroom.config.ConfigException;
import org.mailroom.smtp.SmtpSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelayPoolTest {
    @TempDir
    Path dir;
    FakeSmtpServer a;
    FakeSmtpServer b;

    @BeforeEach
    void start() throws Exception {
        a = new FakeSmtpServer(0, false);
        b = new FakeSmtpServer(0, false);
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
    }

    @Test
    void the_relay_list_reads_hosts_ports_and_optional_weights_and_names_a_bad_entry() {
        assertThat(Relay.parse(" mx1.example.org:25*3, 127.0.0.1:2525 ,"))
            .containsExactly(new Relay("mx1.example.org", 25, 3), new Relay("127.0.0.1", 2525, 1));
        assertThat(Relay.parse("")).isEmpty();
        assertThatThrownBy(() -> Relay.from(Config.of(Map.of("smtp.relays", "mx1.example.org*2"))))
            .isInstanceOf(ConfigException.class).hasMessageContaining("'mx1.example.org*2' has no port");
        assertThatThrownBy(() -> Relay.from(Config.of(Map.of("smtp.relays", "mx1:25*0"))))
            .isInstanceOf(ConfigException.class).hasMessageContaining("weight must be at least 1");
    }

    @Test
    void connections_spread_over_the_relays_in_proportion_to_their_weights() throws Exception {
        Mailer pool = pool(relays(a, 3, b, 1));
        List<Mailer.Connection> open = new ArrayList<>();
        for (int i = 0; i < 8; i++) open.add(pool.connect());
        Fixture.await(() -> a.connections.get() + b.connections.get() == 8, 30_000, "8 connections");
        assertThat(a.connections.get()).isEqualTo(6);
        assertThat(b.connections.get()).isEqualTo(2);
        open.forEach(Mailer.Connection::close);
    }

    @Test
    void sender_threads_connecting_at_the_same_moment_still_spread_by_weight() throws Exception {
        Mailer pool = pool(relays(a, 1, b, 1));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(8);
        List<java.util.concurrent.Future<Mailer.Connection>> connecting = new ArrayList<>();
        for (int i = 0; i < 8; i++) connecting.add(threads.submit(() -> {
            together.await();
            return pool.connect();
        }));
        List<Mailer.Connection> open = new ArrayList<>();
        for (var f : connecting) open.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        threads.shutdown();
        assertThat(open).hasSize(8);
        Fixture.await(() -> a.connections.get() + b.connections.get() == 8, 30_000, "8 connections");
        assertThat(a.connections.get()).isEqualTo(4);
        open.forEach(Mailer.Connection::close);
    }

    @Test
    void a_relay_that_refuses_connections_is_left_out_and_the_other_carries_the_whole_campaign() throws Exception {
        a.down();
        try (Fixture f = new Fixture(dir, 1, Map.of("smtp.relays", relays(a, 1, b, 1))); Delivery d = f.delivery()) {
            f.subscribers(300);
            long id = f.create(d);
            d.sendHere();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "finished");
            assertThat(d.campaigns().progress(id).sent()).isEqualTo(300);
            assertThat(b.received).hasSize(300).allSatisfy((r, n) -> assertThat(n.get()).as(r).isEqualTo(1));
            assertThat(f.queryLong("SELECT COUNT(*) FROM delivery_event WHERE outcome = 'relay-down'")).as("the campaign never waited").isZero();
        }
    }

    @Test
    void a_relay_lost_mid_campaign_hands_its_share_to_the_other_and_nobody_fails() throws Exception {
        try (Fixture f = new Fixture(dir, 1, Map.of("smtp.relays", relays(a, 1, b, 1), "delivery.rate", "400"));
             Delivery d = f.delivery()) {
            f.subscribers(1200);
            long id = f.create(d);
            d.sendHere();
            Fixture.await(() -> a.total() > 100 && b.total() > 100, 60_000, "both relays in use");
            a.down();
            int bBefore = b.total();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "finished");
            assertThat(d.campaigns().progress(id).sent()).isEqualTo(1200);
            assertThat(d.campaigns().progress(id).failed()).isZero();
            assertThat(b.total() - bBefore).as("sent through b after a went down").isGreaterThan(300);
            for (int i = 0; i < 1200; i++) {
                String r = "user" + i + "@example.com";
                assertThat(a.received.containsKey(r) || b.received.containsKey(r)).as(r).isTrue();
            }
        }
    }

    @Test
    void when_every_relay_refuses_the_pool_says_so_and_names_them() throws Exception {
        // down() keeps each port bound and not listening: refused at once, never answered by someone else (see FakeSmtpServer)
        a.down();
        b.down();
        Mailer pool = pool(relays(a, 1, b, 2));
        assertThatThrownBy(pool::connect).isInstanceOf(RelayUnreachableException.class)
            .hasMessageContaining("none of the 2 relays").hasMessageContaining(":" + a.port() + "*1");
    }

    private static String relays(FakeSmtpServer x, int wx, FakeSmtpServer y, int wy) {
        return "127.0.0.1:" + x.port() + "*" + wx + ", 127.0.0.1:" + y.port() + "*" + wy;
    }

    private static Mailer pool(String relays) {
        Config c = Config.of(Map.of("smtp.relays", relays, "smtp.host", "127.0.0.1", "smtp.timeout-seconds", "5"));
        return Delivery.mailer(c, SmtpSettings.from(c));
    }
}
