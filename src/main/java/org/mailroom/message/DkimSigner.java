package org.mailroom.message;

import org.mailroom.config.Config;
import org.mailroom.config.ConfigException;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * DKIM signing (RFC 6376): rsa-sha256, relaxed/relaxed, of the bytes exactly as they are sent.
 * <p>
 * Written on java.security rather than with utils-mail-dkim because that library signs a jakarta
 * {@code MimeMessage}: it would parse and canonicalize the whole ~90 KB message per reader. Here the body is
 * canonicalized once per campaign ({@link DkimBody}) and per reader only the headers (a few hundred bytes) are
 * canonicalized; the RSA signature itself (about 1 ms for a 2048-bit key) is what remains.
 * The signature covers From, To, Subject, Date, Message-ID, List-Unsubscribe and List-Unsubscribe-Post
 * (RFC 8058 asks for both), List-Id, Reply-To, MIME-Version and Content-Type, whichever are present.
 */
public final class DkimSigner {
    private static final String[] SIGNED = {"from", "reply-to", "to", "subject", "date", "message-id", "list-id",
        "list-unsubscribe", "list-unsubscribe-post", "mime-version", "content-type"};
    private static final int FOLD = 78;

    private final String domain;
    private final String selector;
    private final PrivateKey key;
    /** A Signature object keeps its key after sign(), so each thread keeps one rather than re-initialising. */
    private final ThreadLocal<Signer> signers;

    private DkimSigner(String domain, String selector, PrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
        this.signers = ThreadLocal.withInitial(() -> new Signer(key));
    }

    public static DkimSigner of(String domain, String selector, PrivateKey key) {
        checkTag("dkim.domain", domain);
        checkTag("dkim.selector", selector);
        if (key == null || !"RSA".equals(key.getAlgorithm())) throw new ConfigException("dkim.private-key: an RSA key is needed");
        DkimSigner s = new DkimSigner(domain, selector, key);
        s.signers.get();
        return s;
    }

    /** The signer the configuration asks for; empty when none of the dkim.* keys is set. */
    public static Optional<DkimSigner> from(Config config) {
        boolean d = config.isSet("dkim.domain");
        boolean s = config.isSet("dkim.selector");
        boolean k = config.isSet("dkim.private-key");
        if (!d && !s && !k) return Optional.empty();
        if (!(d && s && k))
            throw new ConfigException("DKIM needs dkim.domain, dkim.selector and dkim.private-key set together; missing: "
                + (d ? "" : "dkim.domain ") + (s ? "" : "dkim.selector ") + (k ? "" : "dkim.private-key"));
        PrivateKey key = DkimKeys.read(Path.of(config.string("dkim.private-key").trim()));
        return Optional.of(of(config.string("dkim.domain").trim(), config.string("dkim.selector").trim(), key));
    }

    public String domain() {
        return domain;
    }

    public String selector() {
        return selector;
    }

    /** The TXT record to publish at {@code selector._domainkey.domain}. */
    public String dnsRecord() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(DkimKeys.publicOf(key).getEncoded());
    }

    /** Signs a whole message (a confirmation email, say): the same bytes with a DKIM-Signature header first. */
    public byte[] sign(byte[] message, long epochSecond) {
        int headerEnd = indexOfBlankLine(message);
        DkimBody body = new DkimBody(message, headerEnd + 2, message.length, new int[0]);
        ByteSink out = new ByteSink(1024);
        header(message, headerEnd, body.hash(new byte[MessageTemplate.TOKEN_LENGTH]), epochSecond, out);
        out.put(message);
        return out.toArray();
    }

    /**
     * Writes the DKIM-Signature header line(s) for a message whose header fields are {@code headers[0, len)}
     * (each ending in CRLF) and whose canonical body has this SHA-256.
     */
    void header(byte[] headers, int len, byte[] bodyHash, long epochSecond, ByteSink out) {
        Signer s = signers.get();
        int start = out.len;
        out.ascii("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=").ascii(domain)
            .ascii(";\r\n s=").ascii(selector).ascii("; t=").ascii(Long.toString(epochSecond))
            .ascii("; bh=").base64(bodyHash, 0, bodyHash.length).ascii(";\r\n h=");
        s.canon.reset();
        signedHeaders(headers, len, s.canon, out);
        out.ascii(";\r\n b=");
        // The header signs itself with an empty b= and without its final CRLF (RFC 6376, 3.7).
        out.crlf();
        Relaxed.header(out.buf, start, out.len, s.canon);
        out.len -= 2;
        byte[] signature = s.sign(s.canon.buf, s.canon.len - 2);
        s.canon.reset();
        s.canon.base64(signature, 0, signature.length);
        for (int i = 0; i < s.canon.len; i += 72) {
            if (i > 0) out.ascii("\r\n ");
            out.put(s.canon.buf, i, Math.min(72, s.canon.len - i));
        }
        out.crlf();
    }

    /** Canonicalizes the last instance of each signed header present, in h= order, and writes the h= list. */
    private static void signedHeaders(byte[] headers, int len, ByteSink canon, ByteSink out) {
        int col = 3;
        boolean first = true;
        for (String name : SIGNED) {
            int at = lastField(headers, len, name);
            if (at < 0) continue;
            Relaxed.header(headers, at, fieldEnd(headers, len, at), canon);
            if (!first) out.put(':');
            if (col + name.length() + 2 > FOLD) {
                out.ascii("\r\n ");
                col = 1;
            }
            out.ascii(name);
            col += name.length() + 1;
            first = false;
        }
    }

    private static int lastField(byte[] h, int len, String name) {
        int found = -1;
        for (int i = 0; i < len; i = fieldEnd(h, len, i)) {
            if (matches(h, i, len, name)) found = i;
        }
        return found;
    }

    private static boolean matches(byte[] h, int i, int len, String name) {
        int n = name.length();
        if (i + n >= len || h[i + n] != ':') return false;
        for (int k = 0; k < n; k++) {
            int c = h[i + k];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != name.charAt(k)) return false;
        }
        return true;
    }

    /** Where the field starting at i ends: after a CRLF not followed by a continuation line. */
    private static int fieldEnd(byte[] h, int len, int i) {
        for (int j = i; j + 1 < len; j++) {
            if (h[j] == '\r' && h[j + 1] == '\n' && (j + 2 >= len || h[j + 2] != ' ' && h[j + 2] != '\t')) return j + 2;
        }
        return len;
    }

    private static int indexOfBlankLine(byte[] m) {
        for (int i = 0; i + 3 < m.length; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') return i + 2;
        }
        throw new MessageException("message to sign has no blank line after its headers");
    }

    /** Domain and selector go into the header as they are: DNS label characters only. */
    private static void checkTag(String key, String value) {
        if (value == null || !value.matches("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?"))
            throw new ConfigException(key + ": not a DNS name: " + value);
    }

    private static final class Signer {
        final Signature signature;
        final ByteSink canon = new ByteSink(2048);

        Signer(PrivateKey key) {
            try {
                signature = Signature.getInstance("SHA256withRSA");
                signature.initSign(key);
            } catch (GeneralSecurityException e) {
                throw new ConfigException("dkim.private-key: cannot sign with this key (" + e.getMessage() + ")");
            }
        }

        byte[] sign(byte[] data, int len) {
            try {
                signature.update(data, 0, len);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new MessageException("DKIM signing failed: " + e.getMessage(), e);
            }
        }
    }
}
