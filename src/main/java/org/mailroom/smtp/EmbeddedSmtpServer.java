package org.mailroom.smtp;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The SMTP server of the default setup ({@code smtp.host=embedded}): GreenMail in-process on 127.0.0.1, accepting
 * any recipient without authentication. Messages are not kept in memory (a campaign would fill the heap) but
 * written to the {@link Outbox}, one file per recipient.
 */
public final class EmbeddedSmtpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);
    private final GreenMail greenMail;
    private final Outbox outbox;
    private final int port;

    private EmbeddedSmtpServer(GreenMail greenMail, Outbox outbox, int port) {
        this.greenMail = greenMail;
        this.outbox = outbox;
        this.port = port;
    }

    /** Starts listening on 127.0.0.1:{@code port} (0: a free port). */
    public static EmbeddedSmtpServer start(int port, Outbox outbox) {
        int actual = port == 0 ? freePort() : port;
        GreenMail gm = new GreenMail(new ServerSetup(actual, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        gm.getUserManager().setMessageDeliveryHandler((message, recipient) -> new OutboxUser(outbox, recipient.getEmail()).proxy());
        try {
            gm.start();
        } catch (RuntimeException e) {
            throw new SmtpException("embedded SMTP server: cannot listen on 127.0.0.1:" + actual + " (smtp.port): " + e.getMessage(), e);
        }
        log.info("embedded SMTP server on 127.0.0.1:{}, keeping messages in {}", actual, outbox.directory());
        return new EmbeddedSmtpServer(gm, outbox, actual);
    }

    public int port() {
        return port;
    }

    public Outbox outbox() {
        return outbox;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new SmtpException("embedded SMTP server: no free port: " + e.getMessage(), e);
        }
    }

    /** Stands in for GreenMail's mailbox user: delivering to it writes the message to the outbox. */
    private record OutboxUser(Outbox outbox, String email) {
        GreenMailUser proxy() {
            return (GreenMailUser) Proxy.newProxyInstance(GreenMailUser.class.getClassLoader(), new Class<?>[] {GreenMailUser.class},
                (p, method, args) -> switch (method.getName()) {
                    case "deliver" -> {
                        save(args[0] instanceof MovingMessage mm ? mm.getMessage() : (MimeMessage) args[0]);
                        yield null;
                    }
                    case "getEmail", "getLogin", "getQualifiedMailboxName" -> email;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    case "toString" -> "outbox user " + email;
                    default -> null;
                });
        }

        private void save(MimeMessage m) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                // As a mailbox would: one copy per recipient, so the envelope recipient (Bcc too) must be written down.
                out.write(("Delivered-To: " + email + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                m.writeTo(out);
                outbox.save(new ByteArrayInputStream(out.toByteArray()));
            } catch (IOException e) {
                throw new UncheckedIOException("outbox: cannot store a message for " + email, e);
            } catch (MessagingException e) {
                throw new IllegalStateException("outbox: cannot store a message for " + email, e);
            }
        }
    }
}
