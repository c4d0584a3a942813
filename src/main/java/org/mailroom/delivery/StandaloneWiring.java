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
import java.util.function.BooleanSupplier;

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

    /**
     * The configured relay; with smtp.host=embedded, the embedded server of a running serve on smtp.port, or, when
     * none runs, one started in this process on first use (and stopped on close).
     */
    public static RelayMailer mailer(Config c, BooleanSupplier serveRunning) {
        return new RelayMailer(c, serveRunning);
    }

    public static final class RelayMailer implements Mailer, AutoCloseable {
        private final Config config;
        private final BooleanSupplier serveRunning;
        private Mailer mailer;
        private GreenMail embedded;

        RelayMailer(Config config, BooleanSupplier serveRunning) {
            this.config = config;
            this.serveRunning = serveRunning;
        }

        @Override
        public synchronized Connection connect() throws RelayUnreachableException {
            if (mailer == null) mailer = Delivery.mailer(config, Relay.from(config).isEmpty() ? resolve() : SmtpSettings.from(config));
            return mailer.connect();
        }

        private SmtpSettings resolve() {
            SmtpSettings smtp = SmtpSettings.from(config);
            if (!smtp.embedded()) return smtp;
            if (smtp.port() != 0 && serveRunning.getAsBoolean()) return smtp.at("127.0.0.1", smtp.port());
            embedded = new GreenMail(new ServerSetup(smtp.port(), "127.0.0.1", "smtp"));
            embedded.start();
            return smtp.at("127.0.0.1", embedded.getSmtp().getPort());
        }

        @Override
        public synchronized void close() {
            if (embedded != null) embedded.stop();
        }
    }
}
