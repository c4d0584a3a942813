package org.mailroom.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.mailroom.MailroomException;
import org.mailroom.config.Config;
import org.mailroom.smtp.SmtpSettings;
import org.mailroom.subscriber.Tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the delivery commands need from other features, until App.java wires the real ones at merge: the token
 * secret (same rule and file as the subscribers feature: security.secret, else data.dir/secret), the renderer,
 * and for smtp.host=embedded an in-process SMTP server.
 */
public final class StandaloneWiring {
    private StandaloneWiring() {}

    public static Tokens tokens(Config c) {
        if (c.isSet("security.secret")) return new Tokens(c.string("security.secret").getBytes(StandardCharsets.UTF_8));
        Path file = Path.of(c.string("data.dir")).resolve("secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] s = new byte[32];
                new SecureRandom().nextBytes(s);
                Files.writeString(file, Base64.getEncoder().encodeToString(s) + "\n", StandardCharsets.US_ASCII);
            }
            return new Tokens(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | IllegalArgumentException e) {
            throw new MailroomException(file + ": cannot read or create the token secret: " + e.getMessage(), e);
        }
    }

    public static IssueRenderer renderer(Config c) {
        return new SimpleIssueRenderer(c.url("base.url"));
    }

    /** An SMTP relay for this process: the configured one, or an embedded server started on smtp.port. */
    public static Relay relay(Config c) {
        SmtpSettings smtp = SmtpSettings.from(c);
        if (!smtp.embedded()) return new Relay(smtp, null);
        GreenMail gm = new GreenMail(new ServerSetup(smtp.port(), "127.0.0.1", "smtp"));
        gm.start();
        return new Relay(smtp.at("127.0.0.1", gm.getSmtp().getPort()), gm);
    }

    /** The relay's settings, and the embedded server to stop with it (if any). */
    public record Relay(SmtpSettings smtp, GreenMail embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) embedded.stop();
        }
    }
}
