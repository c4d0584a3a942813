package org.mailroom.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.mailroom.smtp.SmtpSettings;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Properties;

/**
 * Angus Mail's {@link SMTPTransport}, kept connected and fed prepared bytes: the message is a {@link MimeMessage}
 * whose {@code writeTo} copies the personalised bytes, so nothing is parsed or encoded per message, and whose
 * envelope sender is the message's own ({@link SMTPMessage#setEnvelopeFrom}), so VERP works over the same connection.
 */
public final class AngusMailer implements Mailer {
    private final SmtpSettings smtp;
    private final Session session;

    public AngusMailer(SmtpSettings smtp) {
        this.smtp = smtp;
        Properties p = new Properties();
        String t = String.valueOf(smtp.timeoutMillis());
        p.setProperty("mail.smtp.connectiontimeout", t);
        p.setProperty("mail.smtp.timeout", t);
        p.setProperty("mail.smtp.quitwait", "false");
        if (!smtp.helo().isBlank()) p.setProperty("mail.smtp.localhost", smtp.helo());
        if (smtp.tls() != SmtpSettings.Tls.OFF) p.setProperty("mail.smtp.starttls.enable", "true");
        if (smtp.tls() == SmtpSettings.Tls.REQUIRED) p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        if (!smtp.username().isBlank()) p.setProperty("mail.smtp.auth", "true");
        p.put("mail.smtp.socketFactory", new NoDelaySockets());
        p.setProperty("mail.smtp.socketFactory.fallback", "false");
        this.session = Session.getInstance(p);
    }

    @Override
    public Connection connect() throws RelayUnreachableException {
        try {
            SMTPTransport t = (SMTPTransport) session.getTransport("smtp");
            t.connect(smtp.host(), smtp.port(), smtp.username().isBlank() ? null : smtp.username(),
                smtp.username().isBlank() ? null : smtp.password());
            return new AngusConnection(t);
        } catch (MessagingException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw new RelayUnreachableException("cannot reach " + smtp + ": " + root.getMessage(), e);
        }
    }

    private final class AngusConnection implements Connection {
        private final SMTPTransport transport;
        private boolean open = true;

        AngusConnection(SMTPTransport transport) {
            this.transport = transport;
        }

        @Override
        public SmtpReply send(Envelope envelope, Data message) {
            InternetAddress to = new InternetAddress();
            to.setAddress(envelope.recipient());
            try {
                transport.sendMessage(new PreparedMessage(session, envelope.sender(), message), new Address[] {to});
                return new SmtpReply(transport.getLastReturnCode(), transport.getLastServerResponse());
            } catch (MessagingException e) {
                return failure(e);
            } catch (RuntimeException e) {
                close();
                return SmtpReply.dropped(e.toString());
            }
        }

        private SmtpReply failure(MessagingException e) {
            for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
                int code = x instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : x instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
                if (code >= 400) {
                    SmtpReply r = new SmtpReply(code, x.getMessage());
                    if (r.connectionLost()) close();
                    else reset();
                    return r;
                }
            }
            close();
            return SmtpReply.dropped(e.getMessage());
        }

        /** A refused transaction leaves the session usable once reset; if even RSET fails, the connection is gone. */
        private void reset() {
            try {
                transport.issueCommand("RSET", 250);
            } catch (MessagingException e) {
                close();
            }
        }

        /** Our own flag: SMTPTransport.isConnected() sends a NOOP, a round trip per message we do not want. */
        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // closing a broken connection: nothing left to do
            }
        }
    }

    /**
     * Sockets with Nagle's algorithm off: the end of each message (".") is a small write after a large one, and
     * with Nagle on it waits for the relay's delayed ACK, about 40 ms per message (measured against smtp-sink).
     */
    static final class NoDelaySockets extends javax.net.SocketFactory {
        @Override
        public java.net.Socket createSocket() throws IOException {
            java.net.Socket s = new java.net.Socket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) throws IOException {
            java.net.Socket s = createSocket();
            s.bind(new java.net.InetSocketAddress(local, localPort));
            s.connect(new java.net.InetSocketAddress(host, port));
            return s;
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) throws IOException {
            java.net.Socket s = createSocket();
            s.bind(new java.net.InetSocketAddress(local, localPort));
            s.connect(new java.net.InetSocketAddress(host, port));
            return s;
        }

        private java.net.Socket connected(java.net.InetSocketAddress a) throws IOException {
            java.net.Socket s = createSocket();
            s.connect(a);
            return s;
        }
    }

    /** A message that is already its bytes, with its envelope sender. */
    static final class PreparedMessage extends SMTPMessage {
        private final Data data;

        PreparedMessage(Session session, String envelopeFrom, Data data) {
            super(session);
            this.data = data;
            setEnvelopeFrom(envelopeFrom);
        }

        @Override
        public void writeTo(OutputStream os) throws IOException {
            data.writeTo(os);
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
            data.writeTo(os);
        }

        @Override
        public int getSize() {
            return data.size();
        }
    }
}
