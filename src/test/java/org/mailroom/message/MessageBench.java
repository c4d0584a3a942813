package org.mailroom.message;

import org.mailroom.issue.EmailContent;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Locale;

/**
 * Micro-benchmark of the per-reader path (not a test): {@code bench/message/run.sh}.
 * Each case runs warm-up rounds, then times every message on its own and reports the median and p99, and the
 * bytes this thread allocated per message. The MimeMessage-per-reader path runs in the same JVM for the ratio.
 */
public final class MessageBench {
    private static final com.sun.management.ThreadMXBean MX =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final OutputStream NULL = OutputStream.nullOutputStream();

    interface Case {
        void run(Recipient r) throws IOException;
    }

    record Result(String name, double medianNs, double p99Ns, long allocPerMessage) {
        String line() {
            return String.format(Locale.ROOT, "| %-46s | %12.1f | %12.1f | %14d |", name, medianNs / 1000, p99Ns / 1000, allocPerMessage);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        EmailContent issue = Mail.largeIssue();
        MessageTemplate plain = MessageTemplate.prepare(issue, Mail.SETTINGS);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        PrivateKey key = g.generateKeyPair().getPrivate();
        DkimSigner signer = DkimSigner.of("example.org", "bench", key);
        MessageTemplate signed = MessageTemplate.prepare(issue, Mail.SETTINGS, signer);
        MimeMessageOracle slow = MimeMessageOracle.prepare(issue, Mail.SETTINGS);
        Recipient[] readers = new Recipient[1000];
        for (int i = 0; i < readers.length; i++) readers[i] = Mail.reader(i);

        int size = plain.personalize(readers[0]).length;
        System.out.printf(Locale.ROOT, "message: %d bytes (%d KB), %d token slots; DKIM hashes %d body bytes per reader%n",
            size, size / 1024, countTokens(plain.personalize(readers[0]), readers[0]), signed.dkimBytesHashedPerReader());
        System.out.println("| case                                           |  median (us) |     p99 (us) | alloc (B/msg)  |");
        System.out.println("|------------------------------------------------|-------------:|-------------:|---------------:|");
        measure("reader(): the message a sender sends", n, readers, r -> plain.reader(r));
        measure("reader(), written out to a null stream", n, readers, r -> plain.reader(r).writeTo(NULL));
        Result p = measure("personalize (byte[] copy)", n, readers, r -> plain.personalize(r));
        java.nio.ByteBuffer[] buffer = {null};
        measure("personalize into a reused ByteBuffer", n, readers, r -> buffer[0] = plain.personalize(r, buffer[0]));
        Result w = measure("writeTo null stream", n, readers, r -> plain.writeTo(r, NULL));
        Result ps = measure("personalize + DKIM rsa-sha256 2048", n / 20, readers, r -> signed.personalize(r));
        Result ws = measure("writeTo + DKIM rsa-sha256 2048", n / 20, readers, r -> signed.writeTo(r, NULL));
        byte[] hashed = new byte[signed.dkimBytesHashedPerReader()];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        measure("  of which: SHA-256 of the body after token 1", n / 20, readers, r -> sha.digest(hashed));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        byte[] headers = new byte[700];
        measure("  of which: RSA-2048 signature of the headers", n / 20, readers, r -> sign(rsa, headers));
        Result s = measure("MimeMessage per reader (old path), writeTo", Math.max(200, n / 100), readers, r -> slow.writeTo(r, NULL));
        System.out.printf(Locale.ROOT, "%nold path / personalize: %.0fx; old path / writeTo: %.0fx; messages/s on one core: "
                + "personalize %.0f, writeTo %.0f, with DKIM %.0f, old path %.0f%n",
            s.medianNs / p.medianNs, s.medianNs / w.medianNs, 1e9 / p.medianNs, 1e9 / w.medianNs, 1e9 / ws.medianNs, 1e9 / s.medianNs);
    }

    private static Result measure(String name, int n, Recipient[] readers, Case c) throws IOException {
        for (int i = 0; i < Math.max(n / 2, 200); i++) c.run(readers[i % readers.length]);
        long[] t = new long[n];
        long alloc0 = MX.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            c.run(readers[i % readers.length]);
            t[i] = System.nanoTime() - t0;
        }
        long alloc = (MX.getCurrentThreadAllocatedBytes() - alloc0 - 8L * n) / n;
        Arrays.sort(t);
        Result r = new Result(name, t[n / 2], t[(int) (n * 0.99)], Math.max(0, alloc));
        System.out.println(r.line());
        return r;
    }

    private static void sign(Signature rsa, byte[] data) {
        try {
            rsa.update(data);
            rsa.sign();
        } catch (java.security.SignatureException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int countTokens(byte[] message, Recipient r) {
        String s = new String(message, java.nio.charset.StandardCharsets.ISO_8859_1);
        int count = 0;
        for (int i = s.indexOf(r.unsubscribeToken()); i >= 0; i = s.indexOf(r.unsubscribeToken(), i + 1)) count++;
        return count;
    }
}
