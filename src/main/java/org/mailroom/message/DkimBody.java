package org.mailroom.message;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A campaign's body prepared for DKIM: canonicalized once, and hashed once up to the first token. Per reader,
 * only the rest is hashed, from a clone of that SHA-256 midstate, with the reader's token in each slot.
 */
final class DkimBody {
    private final byte[] canon;
    private final int[] tokens;
    private final MessageDigest midstate;

    /** {@code b[from, to)} is the body as transmitted; {@code tokens} the offsets in {@code b} of those in it. */
    DkimBody(byte[] b, int from, int to, int[] tokens) {
        Relaxed.Body body = Relaxed.body(b, from, to, tokens, MessageTemplate.TOKEN_LENGTH);
        this.canon = body.bytes();
        this.tokens = body.tokens();
        this.midstate = sha256();
        midstate.update(canon, 0, this.tokens.length == 0 ? canon.length : this.tokens[0]);
    }

    /** SHA-256 of the canonical body with this token in every slot. */
    byte[] hash(byte[] token) {
        MessageDigest d;
        try {
            d = (MessageDigest) midstate.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
        for (int i = 0; i < tokens.length; i++) {
            d.update(token, 0, MessageTemplate.TOKEN_LENGTH);
            int from = tokens[i] + MessageTemplate.TOKEN_LENGTH;
            int to = i + 1 < tokens.length ? tokens[i + 1] : canon.length;
            d.update(canon, from, to - from);
        }
        return d.digest();
    }

    /** Bytes hashed per reader, from the first token to the end: what the midstate cannot save. */
    int bytesHashedPerReader() {
        return tokens.length == 0 ? 0 : canon.length - tokens[0];
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
