package org.mailroom.smtp;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.mailroom.subscriber.Mailer;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends single messages through Jakarta Mail's {@link Transport}, one connection per message: right for
 * confirmations and test sends, not for campaigns (the delivery engine keeps connections open).
 */
public final class TransportMailer implements Mailer {
    private final SmtpSettings settings;
    private final String from;
    private final Session session;

    /** @param from the From header value, e.g. {@code Weekly <news@example.org>} */
    public TransportMailer(SmtpSettings settings, String from) {
        this.settings = settings;
        this.from = from;
        this.session = Session.getInstance(properties(settings), authenticator(settings));
    }

    /** The Jakarta Mail session these settings make, for callers that build their own {@link MimeMessage}. */
    public Session session() {
        return session;
    }

    @Override
    public void send(OutgoingMail mail) {
        send(build(mail));
    }

    /** Sends a ready message to its recipients. */
    public void send(MimeMessage message) {
        try {
            Transport.send(message);
        } catch (MessagingException e) {
            throw new SmtpException("sending through " + settings + " failed: " + oneLine(e), e);
        }
    }

    MimeMessage build(OutgoingMail mail) {
        checkHeader("To", mail.to());
        checkHeader("To name", mail.toName());
        checkHeader("Subject", mail.subject());
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(from, true));
            m.setRecipient(MimeMessage.RecipientType.TO, mail.toName() == null || mail.toName().isBlank()
                ? new InternetAddress(mail.to(), true) : new InternetAddress(mail.to(), mail.toName(), "UTF-8"));
            m.setSubject(mail.subject(), "UTF-8");
            m.setSentDate(new Date());
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(mail.text(), "plain"));
            alternative.addBodyPart(part(mail.html(), "html"));
            m.setContent(alternative);
            m.saveChanges();
            return m;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new SmtpException("cannot build the message to " + mail.to() + ": " + e.getMessage(), e);
        }
    }

    private static MimeBodyPart part(String body, String subtype) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setText(body, StandardCharsets.UTF_8.name(), subtype);
        p.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return p;
    }

    /** CR or LF in a header value would let a reader add headers of their own: refused. */
    private static void checkHeader(String name, String value) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0))
            throw new SmtpException(name + " header value contains a line break (CR or LF): refused");
    }

    static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", String.valueOf(s.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(s.timeoutMillis()));
        p.put("mail.smtp.timeout", String.valueOf(s.timeoutMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(s.timeoutMillis()));
        if (!s.helo().isBlank()) p.put("mail.smtp.localhost", s.helo());
        p.put("mail.smtp.auth", String.valueOf(!s.username().isEmpty()));
        p.put("mail.smtp.starttls.enable", String.valueOf(s.tls() != SmtpSettings.Tls.OFF));
        p.put("mail.smtp.starttls.required", String.valueOf(s.tls() == SmtpSettings.Tls.REQUIRED));
        if (s.tls() != SmtpSettings.Tls.OFF) p.put("mail.smtp.ssl.checkserveridentity", "true");
        return p;
    }

    private static Authenticator authenticator(SmtpSettings s) {
        if (s.username().isEmpty()) return null;
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(s.username(), s.password());
            }
        };
    }

    private static String oneLine(Exception e) {
        Throwable t = e;
        String msg = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (t != e && t.getMessage() != null) msg = msg + " (" + t.getMessage() + ")";
        return msg == null ? e.toString() : msg.replaceAll("\\s+", " ").strip();
    }
}
