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
}
