package org.mailroom.bounce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportHandlerTest {
    @TempDir
    Path dir;

    @Test
    void an_unrecognised_report_is_kept_byte_for_byte_with_its_sender_and_subject() {
        try (BounceFixture f = new BounceFixture(dir)) {
            byte[] raw = Samples.bytes("reader-reply");
            assertThat(f.handler.handle(raw)).isEqualTo(ReportHandler.Result.UNRECOGNISED);
            BounceStore.UnrecognisedReport kept = f.store.recentUnrecognised(5).get(0);
            assertThat(kept.sender()).isEqualTo("Ivan Example <ivan@example.com>");
            assertThat(kept.why()).contains("neither a delivery report");
            assertThat(f.store.unrecognisedRaw(kept.id())).isEqualTo(raw);
        }
    }

    @Test
    void a_huge_unrecognised_report_is_cut_at_one_mebibyte_and_keeps_its_full_size() {
        try (BounceFixture f = new BounceFixture(dir)) {
            String big = "From: someone@example.com\r\nSubject: =?UTF-8?Q?gro=C3=9F?=\r\n\r\n" + "x".repeat(3 << 20);
            assertThat(f.handler.handle(big.getBytes(StandardCharsets.US_ASCII))).isEqualTo(ReportHandler.Result.UNRECOGNISED);
            BounceStore.UnrecognisedReport kept = f.store.recentUnrecognised(5).get(0);
            assertThat(kept.size()).isEqualTo(big.length());
            assertThat(kept.subject()).isEqualTo("groß");
            assertThat(kept.reportId()).startsWith("sha256:");
            assertThat(f.store.unrecognisedRaw(kept.id())).hasSize(BounceStore.MAX_RAW);
        }
    }

    @Test
    void an_ignored_auto_reply_is_remembered_but_changes_no_one() {
        try (BounceFixture f = new BounceFixture(dir)) {
            assertThat(f.handler.handle(Samples.bytes("out-of-office"))).isEqualTo(ReportHandler.Result.IGNORED);
            assertThat(f.handler.handle(Samples.bytes("out-of-office"))).isEqualTo(ReportHandler.Result.ALREADY_SEEN);
            assertThat(f.status(8)).isEqualTo("confirmed");
            assertThat(f.count("bounce") + f.count("unrecognised_report")).isZero();
        }
    }

    /** What a mail client sends for the List-Unsubscribe mailto: the Subject carries the reader's token. */
    private static byte[] unsubscribeRequest(String token) {
        return ("From: Bob <bob@example.net>\r\nTo: unsubscribe@example.org\r\nMessage-ID: <req-" + token.substring(0, 8) + "@example.net>\r\n"
            + "Subject: unsubscribe-" + token + "\r\n\r\nThis message will unsubscribe you.\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void an_unsubscribe_request_by_email_unsubscribes_its_reader_once() {
        try (BounceFixture f = new BounceFixture(dir)) {
            String token = new org.mailroom.subscriber.Tokens(Samples.SECRET).create(org.mailroom.subscriber.Tokens.Purpose.UNSUBSCRIBE, 2, 0);
            assertThat(f.handler.handle(unsubscribeRequest(token))).isEqualTo(ReportHandler.Result.UNSUBSCRIBE);
            assertThat(f.status(2)).isEqualTo("unsubscribed");
            assertThat(f.leftSource(2)).isEqualTo("email");
            assertThat(f.status(1)).as("no one else").isEqualTo("confirmed");
            assertThat(f.count("bounce") + f.count("unrecognised_report")).isZero();
            assertThat(f.handler.handle(unsubscribeRequest(token))).as("the same request again").isEqualTo(ReportHandler.Result.ALREADY_SEEN);
        }
    }

    @Test
    void a_request_with_a_forged_token_unsubscribes_no_one_and_is_kept_for_the_operator() {
        try (BounceFixture f = new BounceFixture(dir)) {
            String forged = new org.mailroom.subscriber.Tokens("another-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII))
                .create(org.mailroom.subscriber.Tokens.Purpose.UNSUBSCRIBE, 2, 0);
            assertThat(f.handler.handle(unsubscribeRequest(forged))).isEqualTo(ReportHandler.Result.UNRECOGNISED);
            assertThat(f.status(2)).isEqualTo("confirmed");
        }
    }
}
