package org.mailroom.message;

import org.mailroom.config.ConfigException;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Reading the DKIM private key an operator made with openssl: PKCS#8 (PEM or DER) or PKCS#1 RSA PEM. */
final class DkimKeys {
    private static final String KEY = "dkim.private-key";

    private DkimKeys() {}

    static PrivateKey read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(KEY + "=" + file + ": cannot read the key file (" + e.getMessage() + ")");
        }
        String text = new String(raw, StandardCharsets.US_ASCII);
        byte[] der = raw;
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) der = pkcs1ToPkcs8(pem(text, file));
        else if (text.contains("-----BEGIN PRIVATE KEY-----")) der = pem(text, file);
        else if (text.contains("-----BEGIN")) throw new ConfigException(KEY + "=" + file + ": not an unencrypted private key PEM");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new ConfigException(KEY + "=" + file + ": not an RSA private key in PKCS#8 or PKCS#1 (" + e.getMessage() + ")");
        }
    }

    /** The public key of an RSA private key, for the DNS record an operator publishes. */
    static PublicKey publicOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) throw new IllegalArgumentException("not an RSA CRT private key");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pem(String text, Path file) {
        int begin = text.indexOf("-----", text.indexOf("-----BEGIN") + 10) + 5;
        int end = text.indexOf("-----END", begin);
        if (begin < 5 || end < 0) throw new ConfigException(KEY + "=" + file + ": truncated PEM");
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin, end));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(KEY + "=" + file + ": PEM body is not base64");
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, which is what the JDK reads. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x02, 0x01, 0x00, 0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[algorithm.length + octets.length];
        System.arraycopy(algorithm, 0, body, 0, algorithm.length);
        System.arraycopy(octets, 0, body, algorithm.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        byte[] len = content.length < 128 ? new byte[] {(byte) content.length}
            : lengthBytes(BigInteger.valueOf(content.length).toByteArray());
        byte[] out = new byte[1 + len.length + content.length];
        out[0] = (byte) tag;
        System.arraycopy(len, 0, out, 1, len.length);
        System.arraycopy(content, 0, out, 1 + len.length, content.length);
        return out;
    }

    private static byte[] lengthBytes(byte[] n) {
        int skip = n[0] == 0 ? 1 : 0;
        byte[] out = new byte[n.length - skip + 1];
        out[0] = (byte) (0x80 | (n.length - skip));
        System.arraycopy(n, skip, out, 1, n.length - skip);
        return out;
    }
}
