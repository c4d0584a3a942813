package org.mailroom.bounce;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportParserTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /** Golden files: each sample beside its expected classification. -Dgolden.update=true rewrites them. */
    @TestFactory
    Stream<DynamicTest> each_sample_is_classified_as_its_golden_file_says() {
        return Arrays.stream(Samples.ALL).map(name -> DynamicTest.dynamicTest(name, () -> {
            String actual = Samples.describe(Samples.parser().parse(Samples.bytes(name), NOW));
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(Path.of("src/test/resources/bounce/" + name + ".expected"), actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as(name).isEqualTo(Samples.expected(name));
        }));
    }

    @Test
    void a_postfix_hard_bounce_names_the_verp_subscriber_and_campaign() {
        Classification c = Samples.parser().parse(Samples.bytes("postfix-hard"), NOW);
        Bounce b = ((Classification.Bounces) c).bounces().get(0);
        assertThat(b.type()).isEqualTo(BounceType.HARD);
        assertThat(b.subscriberId()).isEqualTo(1L);
        assertThat(b.campaignId()).isEqualTo(42L);
        assertThat(b.status()).isEqualTo("5.1.1");
    }

    @Test
    void a_delay_warning_is_a_soft_bounce() {
        Bounce b = ((Classification.Bounces) Samples.parser().parse(Samples.bytes("postfix-delayed"), NOW)).bounces().get(0);
        assertThat(b.type()).isEqualTo(BounceType.SOFT);
        assertThat(b.status()).isEqualTo("4.4.1");
    }

    @Test
    void an_arf_abuse_report_with_a_redacted_recipient_is_a_complaint_from_the_unsubscribe_token() {
        Bounce b = ((Classification.Bounces) Samples.parser().parse(Samples.bytes("arf-abuse"), NOW)).bounces().get(0);
        assertThat(b.type()).isEqualTo(BounceType.COMPLAINT);
        assertThat(b.subscriberId()).isEqualTo(6L);
        assertThat(b.campaignId()).isEqualTo(42L);
    }

    @Test
    void a_mangled_bounce_is_still_read_through_its_verp_address() {
        Bounce b = ((Classification.Bounces) Samples.parser().parse(Samples.bytes("mangled-verp"), NOW)).bounces().get(0);
        assertThat(b.type()).isEqualTo(BounceType.HARD);
        assertThat(b.subscriberId()).isEqualTo(7L);
    }

    /** A report as it reaches the mailbox at a reader's VERP address: the address in the envelope headers only. */
    private static byte[] toVerpAddress(String headers, String body) {
        String verp = Samples.verp().envelopeSender(7, 42).orElseThrow();
        String raw = "Return-Path: <>\nDelivered-To: " + verp + "\nX-Original-To: " + verp + "\nTo: " + verp + "\n"
            + headers + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b-declared\"\n\n" + body;
        return raw.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void a_mangled_report_that_names_no_recipient_at_all_is_still_the_verp_readers_hard_bounce() {
        byte[] raw = toVerpAddress("From: Mail Delivery System <MAILER-DAEMON@mx.isp.example>\nSubject: Undelivered Mail Returned to Sender\nMessage-ID: <m1@mx.isp.example>\n",
            "--b-that-never-matches\nContent-Type: text/plain\n\nThis is the mail system at host mx.isp.example.\n\n"
                + "<redacted>: host mx.isp.example said: 550 5.1.1 mailbox unavailable (in reply to RCPT TO command)\n");
        Bounce b = ((Classification.Bounces) Samples.parser().parse(raw, NOW)).bounces().get(0);
        assertThat(b.email()).isNull();
        assertThat(b.subscriberId()).isEqualTo(7L);
        assertThat(b.campaignId()).isEqualTo(42L);
        assertThat(b.type()).isEqualTo(BounceType.HARD);
        assertThat(b.status()).isEqualTo("5.1.1");
    }

    @Test
    void a_delivery_report_whose_recipient_block_lost_its_address_is_still_the_verp_readers() {
        byte[] raw = toVerpAddress("From: MAILER-DAEMON@mx.isp.example\nSubject: Undelivered Mail Returned to Sender\nMessage-ID: <m2@mx.isp.example>\n",
            "--b-declared\nContent-Type: text/plain\n\nfailed.\n\n--b-declared\nContent-Type: message/delivery-status\n\n"
                + "Reporting-MTA: dns; mx.isp.example\n\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 no such user\n\n--b-declared--\n");
        Bounce b = ((Classification.Bounces) Samples.parser().parse(raw, NOW)).bounces().get(0);
        assertThat(b.source()).isEqualTo(BounceSource.DSN);
        assertThat(b.subscriberId()).isEqualTo(7L);
        assertThat(b.type()).isEqualTo(BounceType.HARD);
    }

    @Test
    void a_mangled_report_from_no_daemon_under_no_bounce_subject_is_known_by_its_delivery_status_report_type() {
        byte[] raw = toVerpAddress("From: Mail System <mailer@mx.isp.example>\nSubject: Message not delivered\nMessage-ID: <m3@mx.isp.example>\n",
            "--b-that-never-matches\nContent-Type: text/plain\n\nYour message was not delivered: 550 5.1.1 recipient rejected\n");
        Bounce b = ((Classification.Bounces) Samples.parser().parse(raw, NOW)).bounces().get(0);
        assertThat(b.subscriberId()).isEqualTo(7L);
        assertThat(b.type()).isEqualTo(BounceType.HARD);
    }

    @Test
    void an_out_of_office_reply_is_ignored_and_a_readers_reply_is_kept_for_the_operator() {
        assertThat(Samples.parser().parse(Samples.bytes("out-of-office"), NOW)).isInstanceOf(Classification.Ignored.class);
        assertThat(Samples.parser().parse(Samples.bytes("reader-reply"), NOW)).isInstanceOf(Classification.Unrecognised.class);
    }

    @Test
    void without_verp_or_tokens_the_addresses_in_the_report_still_decide() {
        ReportParser plain = new ReportParser(Verp.off(), null, CampaignLookup.NONE);
        Bounce b = ((Classification.Bounces) plain.parse(Samples.bytes("postfix-hard"), NOW)).bounces().get(0);
        assertThat(b.subscriberId()).isNull();
        assertThat(b.email()).isEqualTo("alice@example.com");
    }

    @Test
    void the_campaign_is_found_by_the_original_message_id_when_nothing_signed_names_it() {
        ReportParser parser = new ReportParser(Verp.off(), null, id -> id.equals("c42.s4.77aa@example.org") || id.equals("c43.s3.0b2c@example.org")
            ? java.util.Optional.of(43L) : java.util.Optional.empty());
        Bounce b = ((Classification.Bounces) parser.parse(Samples.bytes("exchange-ndr"), NOW)).bounces().get(0);
        assertThat(b.campaignId()).isEqualTo(43L);
    }

    @Test
    void garbage_bytes_are_unrecognised_not_an_exception() {
        byte[] junk = "\u0000\u0001 not mail at all".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Samples.parser().parse(junk, NOW)).isInstanceOf(Classification.Unrecognised.class);
    }
}
