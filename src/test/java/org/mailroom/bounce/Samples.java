package org.mailroom.bounce;

import org.mailroom.subscriber.Tokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample reports under src/test/resources/bounce and the secret their tokens were signed with. */
final class Samples {
    static final byte[] SECRET = "test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String VERP_PATTERN = "bounces+{token}@example.org";
    static final String[] ALL = {"postfix-hard", "postfix-delayed", "exchange-ndr", "gmail-dsn", "qmail",
        "arf-abuse", "mangled-verp", "out-of-office", "reader-reply"};

    private Samples() {}

    static Verp verp() {
        return Verp.of(VERP_PATTERN, SECRET);
    }

    static ReportParser parser() {
        return new ReportParser(verp(), new Tokens(SECRET), CampaignLookup.NONE);
    }

    /** The sample's bytes with CRLF line ends, as a mailbox holds them. */
    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/bounce/" + name + ".eml")) {
            if (in == null) throw new IllegalArgumentException("no sample " + name);
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String expected(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/bounce/" + name + ".expected")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classification as the golden files write it: one line per bounce, fields in a fixed order. */
    static String describe(Classification c) {
        if (c instanceof Classification.Ignored i) return "ignored: " + i.why() + "\n";
        if (c instanceof Classification.Unrecognised u) return "unrecognised: " + u.why() + "\n";
        StringBuilder s = new StringBuilder();
        for (Bounce b : ((Classification.Bounces) c).bounces()) {
            s.append(b.type().code()).append(" source=").append(b.source().code())
                .append(" subscriber=").append(b.subscriberId()).append(" campaign=").append(b.campaignId())
                .append(" email=").append(b.email()).append(" status=").append(b.status()).append('\n')
                .append("  reason: ").append(b.reason()).append('\n')
                .append("  report: ").append(b.reportId()).append('\n');
        }
        return s.toString();
    }
}
