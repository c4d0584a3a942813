package org.mailroom.cli;

import org.junit.jupiter.api.Test;

import org.mailroom.bounce.Verp;
import org.mailroom.subscriber.SecretFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class SendCommandTest extends SendCommandTestBase {
    @Test
    void send_wait_without_a_serve_sends_from_here_and_prints_the_campaign_id_on_the_last_line() {
        Result r = run("send", issue.toString(), "--wait", "--config", configFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lastLine()).isEqualTo("1");
        assertThat(r.err()).contains("sending from here").contains("100%").contains("campaign 1 finished: sent 25");
        assertThat(smtp.received).hasSize(25);
        assertThat(smtp.senders).allSatisfy((reader, senders) -> assertThat(senders).as(reader).containsExactly("newsletter@example.org"));
    }

    @Test
    void with_bounce_verp_send_wait_gives_each_reader_their_own_envelope_sender_and_a_test_send_the_plain_one() throws Exception {
        Files.writeString(configFile, "bounce.verp=bounces+{token}@example.org\n", StandardOpenOption.APPEND);
        Result r = run("send", issue.toString(), "--wait", "--config", configFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Verp verp = Verp.from(config(), SecretFile.tokenSecret(config()));
        assertThat(smtp.senders).hasSize(25).allSatisfy((reader, senders) -> {
            long subscriber = Long.parseLong(reader.substring("reader".length(), reader.indexOf('@'))) + 1;
            assertThat(senders).as(reader).containsExactly(verp.envelopeSender(subscriber, 1).orElseThrow());
        });
        Result test = run("send", issue.toString(), "--to", "editor@example.org", "--config", configFile.toString());
        assertThat(test.exit()).as(test.err()).isZero();
        assertThat(smtp.senders.get("editor@example.org")).as("a test send names no subscriber").containsExactly("newsletter@example.org");
    }

    @Test
    void send_to_one_address_is_a_test_send_without_a_campaign() throws Exception {
        Result r = run("send", issue.toString(), "--to", "editor@example.org", "--config", configFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(smtp.received.keySet()).containsExactly("editor@example.org");
        assertThat(new String(smtp.bodies.get(0), StandardCharsets.UTF_8)).contains("Subject: [TEST] Issue Seven");
        assertThat(run("campaigns", "--config", configFile.toString()).out().strip().split("\n")).hasSize(1);
    }

    @Test
    void send_at_a_time_schedules_the_campaign() {
        Result r = run("send", issue.toString(), "--at", "2099-01-01T09:00:00+01:00", "--config", configFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("scheduled for 2099-01-01T08:00:00Z");
        assertThat(run("campaigns", "--config", configFile.toString()).out()).contains("scheduled").contains("Issue Seven");
        assertThat(run("campaigns", "cancel", r.lastLine(), "--config", configFile.toString()).out()).contains("cancelled");
    }

    @Test
    void a_missing_issue_or_a_bad_time_is_a_one_line_error() {
        Result r = run("send", dir.resolve("nope.md").toString(), "--config", configFile.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nope.md: cannot read: no such file");
        Result t = run("send", issue.toString(), "--at", "next thursday", "--config", configFile.toString());
        assertThat(t.exit()).isEqualTo(1);
        assertThat(t.err()).contains("--at 'next thursday'");
    }
}
