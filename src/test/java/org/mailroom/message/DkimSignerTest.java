package org.mailroom.message;

import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;
import org.mailroom.config.ConfigException;
import org.mailroom.issue.EmailContent;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mailroom.message.Mail.*;

class DkimSignerTest {
    private static final EmailContent ISSUE = largeIssue();
    private static KeyPair keys;
    private static DkimSigner signer;
    private static MessageTemplate template;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        signer = DkimSigner.of("example.org", "mail2026", keys.getPrivate());
        template = MessageTemplate.prepare(ISSUE, SETTINGS, signer);
    }

    /** Apache James jDKIM, given our public key instead of a DNS lookup. */
    private static List<SignatureRecord> verify(byte[] message) throws Exception {
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        DKIMVerifier v = new DKIMVerifier((method, selector, domain) -> {
            assertThat(selector + "._domainkey." + domain).isEqualTo("mail2026._domainkey.example.org");
            return List.of(record);
        });
        return v.verify(new ByteArrayInputStream(message));
    }

    @Test
    void signatures_of_two_readers_of_one_template_verify() throws Exception {
        for (Recipient r : List.of(reader(1), reader(2))) {
            byte[] b = template.personalize(r);
            List<SignatureRecord> ok = verify(b);
            assertThat(ok).hasSize(1);
            assertThat(ok.get(0).getDToken().toString()).isEqualTo("example.org");
            MimeMessage m = parse(b);
            assertThat(part(m, 1)).isEqualTo(expected(ISSUE.html(), r.unsubscribeToken()));
        }
    }

    @Test
    void readers_signed_on_several_threads_at_once_all_verify() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Recipient r = reader(100 + i);
                sent.add(pool.submit(() -> template.personalize(r)));
            }
            for (int i = 0; i < sent.size(); i++) {
                byte[] b = sent.get(i).get();
                assertThat(verify(b)).hasSize(1);
                assertThat(ascii(b)).contains("To: Reader " + (100 + i) + " <reader" + (100 + i) + "@example.com>");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void the_signature_comes_first_and_covers_list_unsubscribe_and_list_unsubscribe_post() throws Exception {
        byte[] b = template.personalize(reader(3));
        String s = ascii(b);
        assertThat(s).startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org;");
        List<CharSequence> signed = verify(b).get(0).getHeaders();
        assertThat(signed.stream().map(CharSequence::toString).map(String::trim)).contains("from", "to", "subject", "date",
            "message-id", "list-id", "list-unsubscribe", "list-unsubscribe-post", "mime-version", "content-type");
        MessageTemplateTest.assertLineLimits(b);
    }

    @Test
    void changing_the_unsubscribe_header_or_the_body_breaks_the_signature() {
        byte[] b = template.personalize(reader(4));
        String s = ascii(b);
        byte[] header = s.replace("List-Unsubscribe-Post: List-Unsubscribe=One-Click", "List-Unsubscribe-Post: List-Unsubscribe=One-Clack")
            .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> verify(header)).isInstanceOf(FailException.class);
        String token = reader(4).unsubscribeToken();
        int last = s.lastIndexOf(token);
        byte[] body = (s.substring(0, last) + reader(5).unsubscribeToken() + s.substring(last + token.length()))
            .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> verify(body)).isInstanceOf(FailException.class).hasMessageContaining("ody");
    }

    @Test
    void content_with_whitespace_runs_and_trailing_blank_lines_verifies() throws Exception {
        EmailContent c = content("s", "a  \t b   " + PH + "  \n\n\n\n", "<p>x    y</p>\t\n" + PH + "\n\n");
        byte[] b = MessageTemplate.prepare(c, SETTINGS, signer).personalize(reader(6));
        assertThat(verify(b)).hasSize(1);
    }

    @Test
    void any_message_can_be_signed_whole() throws Exception {
        byte[] m = ("From: a@example.org\r\nTo: b@example.com\r\nSubject: Confirm\r\n\r\nClick  here \r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        assertThat(verify(signer.sign(m, System.currentTimeMillis() / 1000))).hasSize(1);
    }

    @Test
    void the_dns_record_holds_the_public_key() {
        assertThat(signer.dnsRecord()).isEqualTo("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
    }

    @Test
    void configuration_without_dkim_keys_gives_no_signer() {
        assertThat(DkimSigner.from(Config.of(Map.of()))).isEmpty();
    }

    @Test
    void configuration_reads_pkcs8_pem_pkcs1_pem_and_der_keys() throws Exception {
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        assertThat(DkimKeys.pkcs1ToPkcs8(pkcs1)).isEqualTo(pkcs8);
        Path der = Files.write(dir.resolve("k.der"), pkcs8);
        Path pem = Files.writeString(dir.resolve("k.pem"), pem("PRIVATE KEY", pkcs8));
        Path rsa = Files.writeString(dir.resolve("k.rsa"), pem("RSA PRIVATE KEY", pkcs1));
        for (Path p : List.of(der, pem, rsa)) {
            Config c = Config.of(Map.of("dkim.domain", "example.org", "dkim.selector", "mail2026", "dkim.private-key", p.toString()));
            DkimSigner s = DkimSigner.from(c).orElseThrow();
            assertThat(verify(MessageTemplate.prepare(ISSUE, SETTINGS, s).personalize(reader(7)))).hasSize(1);
        }
    }

    @Test
    void half_a_dkim_configuration_or_a_bad_key_is_an_error_naming_the_key() throws Exception {
        assertThatThrownBy(() -> DkimSigner.from(Config.of(Map.of("dkim.domain", "example.org"))))
            .isInstanceOf(ConfigException.class).hasMessageContaining("dkim.selector").hasMessageContaining("dkim.private-key");
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a key");
        assertThatThrownBy(() -> DkimSigner.from(Config.of(Map.of("dkim.domain", "example.org", "dkim.selector", "s",
            "dkim.private-key", junk.toString())))).isInstanceOf(ConfigException.class).hasMessageContaining("dkim.private-key");
        assertThatThrownBy(() -> DkimSigner.of("example.org;\r\nX: y", "s", keys.getPrivate()))
            .isInstanceOf(ConfigException.class).hasMessageContaining("dkim.domain");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }
}
