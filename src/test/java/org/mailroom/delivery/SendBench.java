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
            long c0 = System.nanoTime();
            long id = d.campaigns().create("bench.md", issue(kb), null); // the audience: one INSERT ... SELECT
            double createMs = (System.nanoTime() - c0) / 1e6;
            int size = d.campaigns().get(id).audience() > 0 ? sampleSize(d, f, id) : 0;
            watchHeap();
            long t0 = System.nanoTime(), cpu0 = processCpuNanos();
            Node node = Node.register(d.store(), "bench");
            Sender sender = args.length > 4 && args[4].equals("ceiling") ? ceiling(f, d, node) : d.sendHere();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 3_600_000, "finished");
            sender.close();
            node.close();
            double s = (System.nanoTime() - t0) / 1e9;
            double cpuMicros = (processCpuNanos() - cpu0) / 1e3;
            Progress p = d.campaigns().progress(id);
            System.out.printf("size=%d sent=%d failed=%d seconds=%.2f rate=%.0f us_per_recipient=%.0f cpu_us_per_msg=%.0f heap_mb=%d create_ms=%.0f%n",
                size, p.sent(), p.failed(), s, p.sent() / s, s * 1e6 / Math.max(1, p.sent()), cpuMicros / Math.max(1, p.sent()), usedHeapAfterGc(), createMs);
        } finally {
            deleteTree(dir); // a 1,000,000-recipient database is over a gigabyte
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** CPU of the whole process (all threads, GC and JIT included): the load-independent cost of sending. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static volatile long maxLive;

    /** The most heap seen live right after a collection during the run, in MB: what a larger audience would grow. */
    static long usedHeapAfterGc() {
        return maxLive >> 20;
    }

    /** Polls every pool's usage after its last collection (young and old together) twice a second. */
    static void watchHeap() {
        Thread t = new Thread(() -> {
            while (true) {
                long live = 0;
                for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                    var u = pool.getCollectionUsage();
                    if (u != null) live += u.getUsed();
                }
                maxLive = Math.max(maxLive, live);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-watch");
        t.setDaemon(true);
        t.start();
    }

    private static Sender ceiling(Fixture f, Delivery d, Node node) {
        long id = d.campaigns().list().get(0).id();
        Mailer.Data one = new CampaignMessages(d.store(), MailSettings.from(f.config), f.tokens, null)
            .message(new Claimed(id, 1, "user0@example.com", "Reader 0", 0, false));
        CampaignMessages same = new CampaignMessages(d.store(), MailSettings.from(f.config), f.tokens, null) {
            @Override
            Mailer.Data message(Claimed row) {
                return one;
            }
        };
        Sender s = new Sender(d.store(), new DeliveryStore(f.db, 1), Boolean.getBoolean("bench.angus")
            ? new AngusMailer(org.mailroom.smtp.SmtpSettings.from(f.config))
            : new DirectSmtp(org.mailroom.smtp.SmtpSettings.from(f.config)), ReturnPath.from(f.config, ReturnPath.PerRecipient.OFF), same, SenderSettings.from(f.config), node);
        s.start();
        return s;
    }

    private static int sampleSize(Delivery d, Fixture f, long id) {
        CampaignMessages m = new CampaignMessages(d.store(), MailSettings.from(f.config), f.tokens, null);
        return m.message(new Claimed(id, 1, "user0@example.com", "Reader 0", 0, false)).size();
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
