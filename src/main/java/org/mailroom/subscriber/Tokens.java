package org.mailroom.subscriber;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Opaque signed tokens for public links. A token is 43 base64url characters: the subscriber id and a
 * context id (the campaign, or 0), encrypted as one AES block so that no row id can be read from a link,
 * followed by the first 16 bytes of {@code HMAC-SHA256(secret, purpose | subscriber id | context id)}. The purpose is inside the MAC, so a
 * confirm token cannot stand in for an unsubscribe token. Verification compares in constant time.
 */
public final class Tokens {
    public static final int LENGTH = 43;
    /** The subscriber a test send's links name: none (ids start at 1). */
    public static final long TEST_SUBSCRIBER = 0;

    public enum Purpose { CONFIRM, UNSUBSCRIBE }

    /** What a valid token says. */
    public record Claim(long subscriberId, long contextId) {}

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private final byte[] secret;
    private final SecretKeySpec blockKey;

    public Tokens(byte[] secret) {
        if (secret.length < 16) throw new IllegalArgumentException("token secret must be at least 16 bytes");
        this.secret = secret.clone();
        this.blockKey = new SecretKeySpec(java.util.Arrays.copyOf(hmac(this.secret, "mailroom-token-ids".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 16), "AES");
    }

    public String create(Purpose purpose, long subscriberId, long contextId) {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.put(block(Cipher.ENCRYPT_MODE, ByteBuffer.allocate(16).putLong(subscriberId).putLong(contextId).array()));
        b.put(mac(purpose, subscriberId, contextId), 0, 16);
        return ENC.encodeToString(b.array());
    }

    /** The claim of a valid token for this purpose; empty for anything forged, truncated or of another purpose. */
    public java.util.Optional<Claim> verify(Purpose purpose, String token) {
        if (token == null || token.length() != LENGTH) return java.util.Optional.empty();
        byte[] raw;
        try {
            raw = DEC.decode(token);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        if (raw.length != 32) return java.util.Optional.empty();
        ByteBuffer b = ByteBuffer.wrap(block(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(raw, 16)));
        long id = b.getLong();
        long ctx = b.getLong();
        byte[] given = java.util.Arrays.copyOfRange(raw, 16, 32);
        byte[] expected = java.util.Arrays.copyOf(mac(purpose, id, ctx), 16);
        if (!MessageDigest.isEqual(given, expected)) return java.util.Optional.empty();
        // Re-encoding rejects tokens whose last character differs only in unused bits.
        if (!create(purpose, id, ctx).equals(token)) return java.util.Optional.empty();
        return java.util.Optional.of(new Claim(id, ctx));
    }

    /** One AES block, no chaining: the ids fit one block exactly, and the MAC beside it makes tampering visible. */
    private byte[] block(int mode, byte[] sixteen) {
        try {
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(mode, blockKey);
            return c.doFinal(sixteen);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] mac(Purpose purpose, long subscriberId, long contextId) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            m.update((byte) purpose.ordinal());
            m.update(ByteBuffer.allocate(16).putLong(subscriberId).putLong(contextId).array());
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
