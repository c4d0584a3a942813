package org.mailroom.delivery;

import org.mailroom.config.Config;
import org.mailroom.config.ConfigException;
import org.simplejavamail.utils.mail.dkim.Canonicalization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * DKIM (RFC 6376) rsa-sha256, relaxed/relaxed, over the finished message bytes, so the spliced per-reader
 * bytes are signed as they are sent. The canonicalization is utils-mail-dkim's; the signed headers include
 * List-Unsubscribe and List-Unsubscribe-Post (RFC 8058 requires both to be covered).
 */
public final class Dkim {
    private static final List<String> SIGNED = List.of("from", "to", "subject", "date", "message-id", "reply-to",
        "list-unsubscribe", "list-unsubscribe-post", "list-id", "mime-version", "content-type");
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private final String domain;
    private final String selector;
    private final PrivateKey key;

    public Dkim(String domain, String selector, PrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
    }

    /** The signer the dkim.* keys describe, or null when dkim.domain is empty. */
    public static Dkim from(Config c) {
        if (!c.isSet("dkim.domain")) return null;
        if (!c.isSet("dkim.selector") || !c.isSet("dkim.private-key"))
            throw new ConfigException(c.source("dkim.domain") + ": dkim.domain is set, so dkim.selector and dkim.private-key must be too");
        return new Dkim(c.string("dkim.domain"), c.string("dkim.selector"), readKey(Path.of(c.string("dkim.private-key"))));
    }

    static PrivateKey readKey(Path file) {
        try {
            byte[] raw = Files.readAllBytes(file);
            String text = new String(raw, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                if (text.contains("BEGIN RSA PRIVATE KEY")) throw new ConfigException(file + ": a PKCS#1 key; convert it with 'openssl pkcs8 -topk8 -nocrypt'");
                raw = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(raw));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigException("dkim.private-key " + file + ": cannot read an RSA private key (PKCS#8 PEM or DER): " + e.getMessage());
        }
    }

    /** The message with a DKIM-Signature header in front. */
    public byte[] sign(byte[] message) {
        String m = new String(message, StandardCharsets.ISO_8859_1);
        int split = m.indexOf("\r\n\r\n");
        String head = split < 0 ? m : m.substring(0, split + 2);
        String body = split < 0 ? "" : m.substring(split + 4);
        String bh = B64.encodeToString(sha256(Canonicalization.RELAXED.canonicalizeBody(body)));
        List<String[]> headers = parse(head);
        StringBuilder signed = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (String name : SIGNED) {
            String[] h = last(headers, name);
            if (h == null) continue;
            names.add(name);
            signed.append(Canonicalization.RELAXED.canonicalizeHeader(h[0], h[1])).append("\r\n");
        }
        String value = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector + ";\r\n\tt="
            + System.currentTimeMillis() / 1000 + "; h=" + String.join(":", names) + ";\r\n\tbh=" + bh + ";\r\n\tb=";
        signed.append(Canonicalization.RELAXED.canonicalizeHeader("DKIM-Signature", " " + value));
        String b = B64.encodeToString(rsa(signed.toString()));
        String header = "DKIM-Signature: " + value + fold(b) + "\r\n";
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[h.length + message.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(message, 0, out, h.length, message.length);
        return out;
    }

    /** Header fields as [name, value] with folding kept in the value (relaxed canonicalization unfolds it). */
    static List<String[]> parse(String head) {
        List<String[]> out = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            if (line.isEmpty()) continue;
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !out.isEmpty()) {
                String[] prev = out.get(out.size() - 1);
                prev[1] = prev[1] + "\r\n" + line;
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) out.add(new String[] {line.substring(0, colon), line.substring(colon + 1)});
            }
        }
        return out;
    }

    private static String[] last(List<String[]> headers, String name) {
        for (int i = headers.size() - 1; i >= 0; i--) if (headers.get(i)[0].strip().toLowerCase(Locale.ROOT).equals(name)) return headers.get(i);
        return null;
    }

    private static String fold(String b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length(); i += 72) s.append(i == 0 ? "" : "\r\n\t ").append(b, i, Math.min(b.length(), i + 72));
        return s.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.ISO_8859_1));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] rsa(String data) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(data.getBytes(StandardCharsets.ISO_8859_1));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new DeliveryException("DKIM signing failed: " + e.getMessage(), e);
        }
    }
}
