package org.mailroom.bounce;

import org.mailroom.config.Config;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variable envelope return paths: each message's envelope sender names its recipient and campaign, e.g.
 * {@code bounces+k3x...@example.org}, so a bounce names the subscriber even when its report is mangled.
 *
 * <p>The token is varint(subscriber id) varint(campaign id) and the first 10 bytes of
 * {@code HMAC-SHA256(secret, "mailroom-verp" | ids)}, in lower-case base32 without padding. Why base32:
 * local parts are case-sensitive by the RFC, yet relays and greylisters lower-case them in practice, which
 * would break base64; {@code +}, {@code /} and {@code =} are special to many MTAs (subaddressing, quoting).
 * The MAC's own prefix keeps a VERP token from ever standing in for an unsubscribe token: it only
 * names a recipient, it grants nothing. 80 bits of MAC are plenty for that.
 */
public final class Verp {
    static final int MAC_BYTES = 10;
    private static final byte[] PURPOSE = "mailroom-verp".getBytes(StandardCharsets.US_ASCII);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    /** What a valid token says. */
    public record Claim(long subscriberId, long campaignId) {}

    private final String prefix;
    private final String suffix;
    private final byte[] secret;
    private final Pattern finder;

    private Verp(String prefix, String suffix, byte[] secret) {
        this.prefix = prefix;
        this.suffix = suffix;
        this.secret = secret;
        this.finder = prefix == null ? null
            : Pattern.compile(Pattern.quote(prefix) + "([a-z2-7]{16,48})" + Pattern.quote(suffix), Pattern.CASE_INSENSITIVE);
    }

    /**
     * VERP for {@code pattern} (the {@code bounce.verp} setting); an empty pattern turns it off.
     * The pattern must be an address with {@code {token}} once in its local part.
     */
    public static Verp of(String pattern, byte[] secret) {
        if (pattern == null || pattern.isBlank()) return new Verp(null, null, null);
        String p = pattern.trim();
        int at = p.lastIndexOf('@');
        int t = p.indexOf("{token}");
        if (t < 0 || t != p.lastIndexOf("{token}") || at < 0 || t > at || p.indexOf('<') >= 0 || p.indexOf(' ') >= 0)
            throw new BounceException("bounce.verp: expected an address with {token} once in its local part, e.g. bounces+{token}@example.org; got '" + p + "'");
        if (secret == null || secret.length < 16) throw new IllegalArgumentException("VERP secret must be at least 16 bytes");
        return new Verp(p.substring(0, t), p.substring(t + "{token}".length()), secret.clone());
    }

    /** VERP as {@code bounce.verp} sets it, signed with the token secret: the one place the setting is read. */
    public static Verp from(Config config, byte[] secret) {
        return of(config.string("bounce.verp"), secret);
    }

    public static Verp off() {
        return new Verp(null, null, null);
    }

    public boolean enabled() {
        return prefix != null;
    }

    /** The envelope sender for one recipient of one campaign; empty when VERP is off. */
    public Optional<String> envelopeSender(long subscriberId, long campaignId) {
        if (!enabled()) return Optional.empty();
        return Optional.of(prefix + token(subscriberId, campaignId) + suffix);
    }

    /** The claim of an address made by {@link #envelopeSender}; empty for any other address or a forged token. */
    public Optional<Claim> parse(String address) {
        if (!enabled() || address == null) return Optional.empty();
        String a = address.trim();
        if (a.startsWith("<") && a.endsWith(">")) a = a.substring(1, a.length() - 1);
        Matcher m = finder.matcher(a);
        return m.matches() ? verify(m.group(1)) : Optional.empty();
    }

    /** The first valid VERP address anywhere in a text (headers or a mangled body); empty when none. */
    public Optional<Claim> find(String text) {
        if (!enabled() || text == null) return Optional.empty();
        Matcher m = finder.matcher(text);
        while (m.find()) {
            Optional<Claim> c = verify(m.group(1));
            if (c.isPresent()) return c;
        }
        return Optional.empty();
    }

    String token(long subscriberId, long campaignId) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(24);
        varint(b, subscriberId);
        varint(b, campaignId);
        byte[] ids = b.toByteArray();
        b.write(mac(ids), 0, MAC_BYTES);
        return base32(b.toByteArray());
    }

    private Optional<Claim> verify(String token) {
        byte[] raw = unbase32(token.toLowerCase(Locale.ROOT));
        if (raw == null) return Optional.empty();
        long[] ids = new long[2];
        int pos = 0;
        for (int i = 0; i < 2; i++) {
            long v = 0;
            int shift = 0;
            while (true) {
                if (pos >= raw.length || shift > 56) return Optional.empty();
                int x = raw[pos++] & 0xff;
                v |= (long) (x & 0x7f) << shift;
                shift += 7;
                if ((x & 0x80) == 0) break;
            }
            ids[i] = v;
        }
        if (raw.length - pos != MAC_BYTES) return Optional.empty();
        byte[] expected = Arrays.copyOf(mac(Arrays.copyOf(raw, pos)), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, pos, raw.length))) return Optional.empty();
        return Optional.of(new Claim(ids[0], ids[1]));
    }

    private byte[] mac(byte[] ids) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            m.update(PURPOSE);
            return m.doFinal(ids);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        if (v < 0) throw new IllegalArgumentException("ids are not negative: " + v);
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    static String base32(byte[] data) {
        StringBuilder s = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        for (byte d : data) {
            buffer = (buffer << 8) | (d & 0xff);
            bits += 8;
            while (bits >= 5) {
                s.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) s.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        return s.toString();
    }

    /** Decodes lower-case base32; null for a character outside the alphabet or stray trailing bits. */
    static byte[] unbase32(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 5 / 8);
        int buffer = 0, bits = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) return null;
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) return null;
        return out.toByteArray();
    }
}
