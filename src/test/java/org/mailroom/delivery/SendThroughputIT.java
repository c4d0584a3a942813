package org.mailroom.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A quick throughput figure against the capturing SMTP server in this JVM (the smtp-sink benchmark is bench/send). */
class SendThroughputIT {
    @TempDir
    Path dir;

    @Test
    void ten_thousand_messages_over_four_kept_open_connections() throws Exception {
        try (FakeSmtpServer smtp = new FakeSmtpServer(0, false);
             Fixture f = new Fixture(dir, smtp.port(), Map.of("delivery.concurrency", "4")); Delivery d = f.delivery()) {
            f.subscribers(10_000);
            long id = f.create(d);
            long t0 = System.nanoTime();
            d.sendHere();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 60_000, "finished");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("10000 messages in %d ms: %.0f/s over %d connections%n", ms, 10_000_000.0 / ms, smtp.connections.get());
            assertThat(smtp.total()).isEqualTo(10_000);
            assertThat(smtp.connections.get()).isLessThanOrEqualTo(4);
        }
    }
}
