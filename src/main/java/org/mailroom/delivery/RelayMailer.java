package org.mailroom.delivery;

import org.mailroom.config.Config;
import org.mailroom.smtp.EmbeddedSmtpServer;
import org.mailroom.smtp.Outbox;
import org.mailroom.smtp.SmtpSettings;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The relay for the command line ({@code send --wait}, {@code send --to}): the configured one (or {@code smtp.relays}), or with
 * {@code smtp.host=embedded} the embedded server of a running serve on {@code smtp.port}, or, when none runs, an
 * embedded server started in this process on first use, writing to the same outbox (and stopped on close).
 */
public final class RelayMailer implements Mailer, AutoCloseable {
    private final Config config;
    private final BooleanSupplier serveRunning;
    private Mailer mailer;
    private EmbeddedSmtpServer embedded;

    public RelayMailer(Config config, BooleanSupplier serveRunning) {
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
        embedded = EmbeddedSmtpServer.start(0, new Outbox(Path.of(config.string("data.dir")).resolve("outbox")));
        return smtp.at("127.0.0.1", embedded.port());
    }

    @Override
    public synchronized void close() {
        if (embedded != null) embedded.close();
        embedded = null;
    }
}
