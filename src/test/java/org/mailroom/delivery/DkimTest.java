package org.mailroom.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;
import org.mailroom.message.MessageSettings;
import org.mailroom.message.MessageTemplate;
import org.mailroom.message.Recipient;
import org.mailroom.subscriber.Tokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies our signatures with a verifier written here from RFC 6376 (relaxed/relaxed), not with the signer's code. */
class DkimTest {
    @TempDir
    Path dir;

    @Test
    void a_signed_message_verifies_and_the_signature_covers_the_unsubscribe_headers() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path pem = dir.resolve("dkim.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Dkim dkim = Dkim.from(Config.of(Map.of("dkim.domain", "example.org", "dkim.selector", "mail", "dkim.private-key", pem.toString())));

        var content = new SimpleIssueRenderer(URI.create("https://news.example.org")).render("a.md", Fixture.ISSUE.getBytes(StandardCharsets.UTF_8));
        MessageTemplate t = MessageTemplate.prepare(content, new MessageSettings("News <news@example.org>", null, "news.example.org", URI.create("https://news.example.org"), null));
        String token = new Tokens(Fixture.SECRET).create(Tokens.Purpose.UNSUBSCRIBE, 7, 1);
        byte[] signed = dkim.sign(t.personalize(new Recipient("reader@example.com", "A  Reader", token, "m1@example.org")));

        String raw = new String(signed, StandardCharsets.ISO_8859_1);
        Map<String, String> tags = tags(header(raw, "dkim-signature"));
        assertThat(tags.get("d")).isEqualTo("example.org");
        assertThat(tags.get("s")).isEqualTo("mail");
        assertThat(tags.get("h").split(":")).contains("list-unsubscribe", "list-unsubscribe-post", "from", "subject", "message-id");
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        assertThat(tags.get("bh")).isEqualTo(Base64.getEncoder().encodeToString(sha256(relaxedBody(body))));

        StringBuilder data = new StringBuilder();
        for (String name : tags.get("h").split(":")) data.append(relaxedHeader(name, header(raw, name))).append("\r\n");
        String sigValue = header(raw, "dkim-signature").replaceAll("b=[^;]*$", "b=");
        data.append(relaxedHeader("dkim-signature", sigValue));
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(keys.getPublic());
        v.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(v.verify(Base64.getDecoder().decode(tags.get("b")))).as("signature verifies").isTrue();

        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(signed));
        assertThat(parsed.getHeader("List-Unsubscribe", null)).contains(token);
    }

    @Test
    void dkimpy_an_independent_verifier_accepts_our_signature_when_installed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")));
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Dkim dkim = new Dkim("example.org", "mail", keys.getPrivate());
        var content = new SimpleIssueRenderer(URI.create("https://news.example.org")).render("a.md", Fixture.ISSUE.getBytes(StandardCharsets.UTF_8));
        MessageTemplate t = MessageTemplate.prepare(content, new MessageSettings("News <news@example.org>", null, "news.example.org", URI.create("https://news.example.org"), null));
        Path eml = dir.resolve("signed.eml");
        Files.write(eml, dkim.sign(t.personalize(new Recipient("reader@example.com", "Reader", MessageTemplate.TOKEN_PLACEHOLDER, "m2@example.org"))));
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        String py = "import dkim,sys\nmsg=open(sys.argv[1],'rb').read()\n"
            + "print(dkim.verify(msg, dnsfunc=lambda name, timeout=5: sys.argv[2].encode()))\n";
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", py, eml.toString(), record).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("No module named"), "dkimpy not installed");
        assertThat(out).isEqualTo("True");
    }

    /** The raw value (after the colon, folding kept) of the last header of that name. */
    static String header(String raw, String name) {
        String head = raw.substring(0, raw.indexOf("\r\n\r\n") + 2);
        List<String> fields = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            else fields.add(line);
        }
        String found = null;
        for (String f : fields) if (f.substring(0, f.indexOf(':')).trim().equalsIgnoreCase(name)) found = f.substring(f.indexOf(':') + 1);
        return found;
    }

    static String relaxedHeader(String name, String value) {
        return name.toLowerCase() + ":" + value.replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
    }

    static String relaxedBody(String body) {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\r\n", -1)) out.append(line.replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        String s = out.toString();
        while (s.endsWith("\r\n\r\n")) s = s.substring(0, s.length() - 2);
        return s.equals("\r\n") ? "" : s;
    }

    static Map<String, String> tags(String value) {
        Map<String, String> m = new HashMap<>();
        for (String tag : value.replaceAll("[ \t\r\n]", "").split(";")) {
            if (tag.isEmpty()) continue;
            m.put(tag.substring(0, tag.indexOf('=')), tag.substring(tag.indexOf('=') + 1));
        }
        return m;
    }

    static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
