package org.mailroom.delivery;

import org.mailroom.smtp.SmtpSettings;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A small SMTP client for the hot path: a campaign's message goes from its prepared parts into the connection's
 * buffer (other messages dot-stuffed where a line starts with a dot), MAIL, RCPT and DATA are pipelined when the relay offers PIPELINING, and Nagle is off. The next
 * message's envelope goes out behind this message's end of data (as smtp-source does), so a message costs one round
 * trip instead of two; each reply is still matched to its own recipient.
 * For plain relays only (a local Postfix, the embedded server, smtp-sink): a relay that needs STARTTLS or AUTH
 * is spoken to by {@link AngusMailer}. Measured against smtp-sink at 4 connections: about 18% faster than Angus
 * (Angus copies every byte through its CRLF and dot-stuffing streams and waits for each reply).
 */
public final class DirectSmtp implements Mailer {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END_OF_DATA = {'.', '\r', '\n'};
    private final SmtpSettings smtp;
    private final String helo;

    public DirectSmtp(SmtpSettings smtp) {
        this.smtp = smtp;
        this.helo = smtp.helo().isBlank() ? localName() : smtp.helo();
    }

    @Override
    public Connection connect() throws RelayUnreachableException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(smtp.host(), smtp.port()), smtp.timeoutMillis());
            s.setSoTimeout(smtp.timeoutMillis());
            Session session = new Session(s);
            session.open();
            return session;
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new RelayUnreachableException("cannot reach " + smtp + ": " + e.getMessage(), e);
        }
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private final class Session implements Connection {
        private final Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean pipelining;
        private boolean open = true;
        /** The hint for the next message's envelope (see {@link Mailer.Connection#next}). */
        private Envelope next;
        /** The envelope whose MAIL, RCPT and DATA went out behind the previous message, replies not yet read. */
        private Envelope announced;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        }

        /** Greeting and EHLO; a refusal here means the relay is unusable. */
        void open() throws IOException {
            expect(read(), 220, "greeting");
            SmtpReply r = command("EHLO " + helo);
            expect(r, 250, "EHLO");
            pipelining = r.text().toUpperCase(Locale.ROOT).contains("PIPELINING");
        }

        @Override
        public void next(Envelope envelope) {
            next = envelope;
        }

        @Override
        public SmtpReply send(Envelope envelope, Data message) {
            Envelope following = next;
            next = null;
            if (hasLineBreak(envelope)) return new SmtpReply(553, "553 address with a line break: refused");
            try {
                SmtpReply r = announced == null ? envelope(envelope) : announcedEnvelope(envelope);
                if (!open) return r;
                if (r.code() != 354) return reset(r);
                writeData(message);
                if (pipelining && following != null && !hasLineBreak(following)) {
                    writeEnvelope(following); // behind the end of data, in the same write (RFC 2920)
                    announced = following;
                }
                out.flush();
                SmtpReply done = read();
                if (done.accepted()) return done;
                if (announced != null) abandon(); // the relay refused; no RSET while the next DATA may be open
                return reset(done);
            } catch (IOException | RuntimeException e) {
                close();
                return SmtpReply.dropped(e.getMessage());
            }
        }

        /** MAIL, RCPT and DATA; the first refusal is the answer (354 when all went well). */
        private SmtpReply envelope(Envelope e) throws IOException {
            if (!pipelining) {
                SmtpReply m = command("MAIL FROM:<" + e.sender() + ">");
                if (!m.accepted()) return m;
                SmtpReply r = command("RCPT TO:<" + e.recipient() + ">");
                return r.accepted() ? command("DATA") : r;
            }
            writeEnvelope(e);
            out.flush();
            return envelopeReplies();
        }

        /** The envelope sent behind the previous message: its replies are read now. For another envelope it is abandoned. */
        private SmtpReply announcedEnvelope(Envelope e) throws IOException {
            if (!e.equals(announced)) {
                String why = "the envelope sent ahead was " + announced + ", not " + e;
                abandon();
                return SmtpReply.dropped(why);
            }
            announced = null;
            return envelopeReplies();
        }

        private void writeEnvelope(Envelope e) throws IOException {
            checkLine(e.sender());
            checkLine(e.recipient());
            out.write(("MAIL FROM:<" + e.sender() + ">\r\nRCPT TO:<" + e.recipient() + ">\r\nDATA\r\n").getBytes(StandardCharsets.US_ASCII));
        }

        private SmtpReply envelopeReplies() throws IOException {
            SmtpReply m = read(), r = read(), d = read();
            if (d.code() == 354 && (!m.accepted() || !r.accepted())) {
                // a relay that opened DATA anyway gets an empty message it will refuse for want of a recipient
                out.write(new byte[] {'.', '\r', '\n'});
                out.flush();
                read();
            }
            return !m.accepted() ? m : !r.accepted() ? r : d;
        }

        /** An envelope sent ahead cannot be taken back once DATA may be open: the connection is cut, which discards it unsent. */
        private void abandon() {
            open = false;
            announced = null;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        /**
         * The message with leading dots doubled (RFC 5321 4.5.2), then the end-of-data line. A message that says it
         * needs no stuffing (a campaign's, checked when prepared) is written as it is, from its parts.
         */
        private void writeData(Data data) throws IOException {
            if (data.smtpSafe()) {
                data.writeTo(out);
            } else {
                byte[] m = data.bytes();
                DotStuffing.write(m, out);
                if (m.length < 2 || m[m.length - 2] != '\r' || m[m.length - 1] != '\n') out.write(CRLF);
            }
            out.write(END_OF_DATA);
        }

        /** After a refusal the session is reset for the next message; if that fails the connection is done. */
        private SmtpReply reset(SmtpReply refusal) {
            try {
                if (refusal.connectionLost() || !command("RSET").accepted()) close();
            } catch (IOException | RuntimeException e) {
                close();
            }
            return refusal;
        }

        private SmtpReply command(String line) throws IOException {
            checkLine(line);
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read();
        }

        /** One reply, multi-line ones joined by newlines. */
        private SmtpReply read() throws IOException {
            StringBuilder text = new StringBuilder();
            while (true) {
                String line = readLine();
                if (line.length() < 3) throw new IOException("malformed reply: " + line);
                if (text.length() > 0) text.append('\n');
                text.append(line);
                if (line.length() == 3 || line.charAt(3) != '-') {
                    try {
                        return new SmtpReply(Integer.parseInt(line.substring(0, 3)), text.toString());
                    } catch (NumberFormatException e) {
                        throw new IOException("malformed reply: " + line);
                    }
                }
            }
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c == -1) throw new IOException("the relay closed the connection");
                if (c != '\r') b.write(c);
            }
            return b.toString(StandardCharsets.UTF_8);
        }

        private void expect(SmtpReply r, int code, String step) throws IOException {
            if (r.code() != code) throw new IOException(step + " refused: " + r);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            if (!open) return;
            if (announced != null) {
                abandon(); // QUIT could land inside an open DATA
                return;
            }
            open = false;
            try {
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Addresses come from the database and the configuration: CR or LF in one would inject SMTP commands. */
    private static boolean hasLineBreak(Envelope e) {
        return hasLineBreak(e.sender()) || hasLineBreak(e.recipient());
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }

    private static void checkLine(String s) {
        if (hasLineBreak(s)) throw new IllegalArgumentException("line break in an SMTP command: refused");
    }
}
