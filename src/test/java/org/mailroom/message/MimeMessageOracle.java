package org.mailroom.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.mailroom.issue.EmailContent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * The first, MimeMessage-per-reader implementation of {@link MessageTemplate}, kept as a test oracle:
 * jakarta.mail encodes every reader's message itself, so the spliced bytes must decode to the same content.
 * The benchmark also runs it for the speed ratio.
 */
final class MimeMessageOracle {

    private static final Session SESSION = Session.getInstance(new Properties());
    private final EmailContent content;
    private final MessageSettings settings;

    private MimeMessageOracle(EmailContent content, MessageSettings settings) {
        this.content = content;
        this.settings = settings;
    }

    static MimeMessageOracle prepare(EmailContent content, MessageSettings settings) {
        checkHeader("Subject", content.subject());
        checkHeader("From", settings.from());
        checkHeader("Reply-To", settings.replyTo());
        checkHeader("List-Id", settings.listId());
        return new MimeMessageOracle(content, settings);
    }

    public byte[] personalize(Recipient r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.html().length() + content.text().length() + 4096);
        try {
            writeTo(r, out);
        } catch (IOException e) {
            throw new MessageException("cannot write message to " + r.email(), e);
        }
        return out.toByteArray();
    }

    public void writeTo(Recipient r, OutputStream out) throws IOException {
        if (r.unsubscribeToken().length() != MessageTemplate.TOKEN_LENGTH) throw new MessageException("token for " + r.email() + " is not " + MessageTemplate.TOKEN_LENGTH + " characters");
        checkHeader("To", r.email());
        checkHeader("To", r.name());
        checkHeader("Message-ID", r.messageId());
        try {
            MimeMessage m = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + r.messageId() + ">");
                }
            };
            m.setFrom(new InternetAddress(settings.from(), true));
            if (settings.replyTo() != null && !settings.replyTo().isBlank()) m.setReplyTo(InternetAddress.parse(settings.replyTo(), true));
            m.setRecipient(MimeMessage.RecipientType.TO, r.name() == null || r.name().isBlank()
                ? new InternetAddress(r.email(), true) : new InternetAddress(r.email(), r.name(), "UTF-8"));
            m.setSubject(content.subject(), "UTF-8");
            m.setSentDate(new Date());
            String unsubscribe = settings.baseUrl() + "/unsubscribe/" + r.unsubscribeToken();
            String header = "<" + unsubscribe + ">";
            if (settings.unsubscribeMailto() != null && !settings.unsubscribeMailto().isBlank())
                header += ", <mailto:" + settings.unsubscribeMailto() + "?subject=unsubscribe-" + r.unsubscribeToken() + ">";
            m.setHeader("List-Unsubscribe", header);
            m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            if (settings.listId() != null && !settings.listId().isBlank()) m.setHeader("List-Id", "<" + settings.listId() + ">");
            MimeMultipart alt = new MimeMultipart("alternative");
            alt.addBodyPart(part(content.text().replace(MessageTemplate.TOKEN_PLACEHOLDER, r.unsubscribeToken()), "plain"));
            alt.addBodyPart(part(content.html().replace(MessageTemplate.TOKEN_PLACEHOLDER, r.unsubscribeToken()), "html"));
            m.setContent(alt);
            m.saveChanges();
            m.writeTo(out);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MessageException("cannot build message to " + r.email() + ": " + e.getMessage(), e);
        }
    }

    private static MimeBodyPart part(String body, String subtype) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setText(body, StandardCharsets.UTF_8.name(), subtype);
        p.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return p;
    }

    /** Header values come from editors and readers: CR or LF in one is an injection attempt, refused. */
    static void checkHeader(String name, String value) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0))
            throw new MessageException(name + " header value contains a line break (CR or LF): refused");
    }
}
