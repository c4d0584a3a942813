package org.mailroom.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * bench/send/run.sh's driver: sends one campaign of N recipients to an SMTP server (Postfix's smtp-sink) with
 * every delivery recorded in H2, and prints the message size and the rate. Not part of the test run.
 * Arguments: port recipients connections [issue-kilobytes] [ceiling]. With "ceiling", every reader gets the
 * first reader's bytes: the rate of claims, SMTP and recording alone, without the per-reader MessageTemplate.
 */
public final class SendBench {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        String connections = args[2];
        int kb = args.length > 3 ? Integer.parseInt(args[3]) : 38;
        Path dir = Files.createTempDirectory("mailroom-bench");
        try (Fixture f = new Fixture(dir, port, Map.of("delivery.concurrency", connections, "delivery.batch-size", "500"));
             Delivery d = f.delivery()) {
            f.subscribers(n);
            long id = d.campaigns().create("bench.md", issue(kb), null);
            int size = d.campaigns().get(id).audience() > 0 ? sampleSize(d, f, id) : 0;
            long t0 = System.nanoTime();
            Node node = Node.register(d.store(), "bench");
            Sender sender = args.length > 4 && args[4].equals("ceiling") ? ceiling(f, d, node) : d.sendHere();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 3_600_000, "finished");
            sender.close();
            node.close();
            double s = (System.nanoTime() - t0) / 1e9;
            Progress p = d.campaigns().progress(id);
            System.out.printf("size=%d sent=%d failed=%d seconds=%.2f rate=%.0f%n", size, p.sent(), p.failed(), s, p.sent() / s);
        }
    }

    private static Sender ceiling(Fixture f, Delivery d, Node node) {
        long id = d.campaigns().list().get(0).id();
        byte[] one = new CampaignMessages(d.store(), MailSettings.from(f.config), f.tokens, null)
            .message(new Claimed(id, 1, "user0@example.com", "Reader 0", 0, false));
        CampaignMessages same = new CampaignMessages(d.store(), MailSettings.from(f.config), f.tokens, null) {
            @Override
            byte[] message(Claimed row) {
                return one;
            }
        };
        Sender s = new Sender(d.store(), new DeliveryStore(f.db, 1), Boolean.getBoolean("bench.angus")
            ? new AngusMailer(org.mailroom.smtp.SmtpSettings.from(f.config), "newsletter@example.org")
            : new DirectSmtp(org.mailroom.smtp.SmtpSettings.from(f.config), "newsletter@example.org"), same, SenderSettings.from(f.config), node.id());
        s.start();
        return s;
    }

    private static int sampleSize(Delivery d, Fixture f, long id) {
        CampaignMessages m = new CampaignMessages(d.store(), MailSettings.from(f.config), f.tokens, null);
        return m.message(new Claimed(id, 1, "user0@example.com", "Reader 0", 0, false)).length;
    }

    /** An issue of about the given size: TWiR-like paragraphs with links. */
    static byte[] issue(int kb) {
        StringBuilder b = new StringBuilder("Title: This Week in Rust 578\nDate: 2024-12-18\n\n");
        for (int i = 0; b.length() < kb * 1024; i++) {
            b.append("* [Crate ").append(i).append(" released with faster builds and fewer allocations](https://example.org/post/")
                .append(i).append(") by someone who cares, with **bold** words and `code`.\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
