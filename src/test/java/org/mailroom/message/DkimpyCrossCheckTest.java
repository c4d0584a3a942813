package org.mailroom.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where Debian's python3-dkim is installed, dkimpy must accept what we sign too (skipped elsewhere). */
class DkimpyCrossCheckTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void dkimpy_verifies_the_signatures_of_two_readers_and_refuses_a_changed_message() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && !run(List.of(PYTHON.toString(), "-c", "import dkim")).isEmpty(),
            "python3-dkim not installed");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        DkimSigner signer = DkimSigner.of("example.org", "mail2026", g.generateKeyPair().getPrivate());
        MessageTemplate t = MessageTemplate.prepare(Mail.largeIssue(), Mail.SETTINGS, signer);
        Path a = Files.write(dir.resolve("a.eml"), t.personalize(Mail.reader(1)));
        Path b = Files.write(dir.resolve("b.eml"), t.personalize(Mail.reader(2)));
        Path changed = Files.write(dir.resolve("c.eml"), Mail.ascii(t.personalize(Mail.reader(3)))
            .replace("One-Click", "One-Clack").getBytes(StandardCharsets.ISO_8859_1));
        Path script = dir.resolve("verify.py");
        try (var in = getClass().getResourceAsStream("/message/dkimpy_verify.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> out = run(List.of(PYTHON.toString(), script.toString(), signer.dnsRecord(), a.toString(), b.toString(), changed.toString()));
        assertThat(out).containsExactly("True", "True", "False");
    }

    /** Output lines of a process that exited 0; a single empty line if it exited 0 silently, none otherwise. */
    private static List<String> run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) return new ArrayList<>();
        return out.isEmpty() ? List.of("") : List.of(out.strip().split("\\R"));
    }
}
