package org.mailroom.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimePart;
import org.mailroom.subscriber.Tokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Classifies one message from the bounce mailbox. In order: a reader's unsubscribe request (the Subject the
 * List-Unsubscribe mailto sets, with a valid token); an RFC 3464 delivery report or an RFC 5965
 * feedback report (found by their parts' types, so odd casing, whitespace or nesting do not matter);
 * then plain-text bounces (qmail, Exim, mangled reports); then auto-replies, which are ignored; and
 * whatever is left is {@link Classification.Unrecognised}, kept for the operator.
 *
 * <p>Parts are read as streams, never through {@code getContent()}: that goes through the mailcap
 * registry, which a shaded jar may lose, and it would throw on a broken part instead of falling back.
 */
public final class ReportParser {
    private static final Session SESSION = Session.getInstance(sessionProperties());
    private static final Pattern DAEMON = Pattern.compile("(?i)mailer-daemon|postmaster|mail delivery (sub)?system");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
        "(?i)undeliver|delivery status notification|failure notice|returned mail|delivery (has )?failed|mail delivery failed|non ?remis|unzustellbar|could not be delivered");
    /** A report whose parts broke still says what it is in its own Content-Type. */
    private static final Pattern DSN_TYPE = Pattern.compile("(?i)report-type\\s*=\\s*\"?delivery-status");
    private static final String[] ENVELOPE_HEADERS = {"Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To", "Return-Path"};
    private final Identities identities;

    /**
     * @param verp      recognises our envelope senders (may be off)
     * @param tokens    verifies unsubscribe tokens in returned headers, or null
     * @param campaigns finds a campaign by the original Message-ID
     */
    public ReportParser(Verp verp, Tokens tokens, CampaignLookup campaigns) {
        this.identities = new Identities(verp, tokens, campaigns);
    }

    public Classification parse(byte[] raw, Instant receivedAt) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        MimeMessage m;
        try {
            m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            return new Classification.Unrecognised("not a MIME message: " + e.getMessage());
        }
        Identities.Claim unsubscribe = identities.unsubscribeRequest(header(m, "Subject"));
        if (unsubscribe != null) return new Classification.Unsubscribe(unsubscribe.subscriberId(), unsubscribe.campaignId());
        ReportContext ctx = new ReportContext(receivedAt, reportId(m, raw), envelopeClaim(m, text), text);
        Classification structured = structured(m, ctx);
        if (structured != null) return structured;
        if (looksLikeBounce(m)) {
            List<Bounce> b = PlainBounceReader.read(body(text), header(m, "X-Failed-Recipients"), ctx);
            if (!b.isEmpty()) return new Classification.Bounces(b);
            return new Classification.Unrecognised("looks like a bounce but names no recipient we can find");
        }
        if (isAutoReply(m)) return new Classification.Ignored("auto-reply");
        return new Classification.Unrecognised("neither a delivery report, a feedback report nor a bounce");
    }

    /** The report's Message-ID, else a hash of its bytes: what makes processing it idempotent. */
    public static String reportId(MimeMessage m, byte[] raw) {
        String id = header(m, "Message-ID");
        if (id != null && !id.isBlank() && id.length() <= 190) return id.trim();
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A claim from the envelope addresses (VERP); else from anywhere in the text, where a mangled report may keep it. */
    private Identities.Claim envelopeClaim(MimeMessage m, String text) {
        StringBuilder envelope = new StringBuilder();
        for (String h : ENVELOPE_HEADERS) {
            String v = header(m, h);
            if (v != null) envelope.append(v).append('\n');
        }
        Identities.Claim c = identities.find(envelope.toString());
        return c.isEmpty() ? identities.find(text) : c;
    }

    /** A delivery or feedback report, or null when the message has none (or its structure is broken). */
    private Classification structured(MimeMessage m, ReportContext ctx) {
        try {
            Multipart report = findReport(m, 0);
            if (report == null) return null;
            BodyPart status = null, original = null;
            for (int i = 0; i < report.getCount(); i++) {
                BodyPart p = report.getBodyPart(i);
                String type = baseType(p);
                if (type.equals("message/delivery-status") || type.equals("message/feedback-report")) status = p;
                else if (type.equals("message/rfc822") || type.equals("text/rfc822-headers")) original = p;
            }
            if (status == null) return null;
            InternetHeaders originalHeaders = original == null ? null : new InternetHeaders(original.getInputStream());
            Identities.Claim claim = originalClaim(ctx.envelope(), originalHeaders);
            if (baseType(status).equals("message/feedback-report"))
                return ArfReader.read(status.getInputStream(), claim, headerOf(originalHeaders, "To"), ctx);
            DsnReader.Result r = DsnReader.read(status.getInputStream(), claim, ctx);
            if (!r.bounces().isEmpty()) return new Classification.Bounces(r.bounces());
            if (r.successes() > 0) return new Classification.Ignored("delivery report of success");
            return null;
        } catch (MessagingException | IOException | RuntimeException e) {
            return null; // a broken structure: the text readers get their chance
        }
    }

    /** The envelope claim, else a signed value in the returned original headers; the campaign by Message-ID last. */
    private Identities.Claim originalClaim(Identities.Claim envelope, InternetHeaders original) {
        Identities.Claim c = envelope;
        if (original == null) return c;
        if (c.isEmpty()) {
            StringBuilder all = new StringBuilder();
            original.getAllHeaderLines().asIterator().forEachRemaining(l -> all.append(l).append('\n'));
            c = identities.find(all.toString());
        }
        return c.campaignId() != null ? c : c.orCampaign(identities.campaignOf(headerOf(original, "Message-ID")));
    }

    /** The multipart/report in the message, searched a few levels deep (some relays wrap it in multipart/mixed). */
    private static Multipart findReport(MimePart p, int depth) throws MessagingException, IOException {
        String type = baseType(p);
        if (!type.startsWith("multipart/") || depth > 3) return null;
        MimeMultipart mp = new MimeMultipart(new MimePartDataSource(p));
        if (type.equals("multipart/report")) return mp;
        for (int i = 0; i < mp.getCount(); i++) {
            Multipart inner = findReport((MimePart) mp.getBodyPart(i), depth + 1);
            if (inner != null) return inner;
        }
        return null;
    }

    private static boolean looksLikeBounce(MimeMessage m) {
        String from = header(m, "From");
        String subject = header(m, "Subject");
        String type = header(m, "Content-Type");
        return header(m, "X-Failed-Recipients") != null
            || (from != null && DAEMON.matcher(from).find())
            || (subject != null && BOUNCE_SUBJECT.matcher(subject).find())
            || (type != null && DSN_TYPE.matcher(type).find());
    }

    /**
     * RFC 3834 auto-replies and the common vendor headers. Checked after the bounce readers because
     * mail servers mark their bounces {@code Auto-Submitted: auto-replied} too.
     */
    private static boolean isAutoReply(MimeMessage m) {
        String auto = header(m, "Auto-Submitted");
        String precedence = header(m, "Precedence");
        String subject = header(m, "Subject");
        return (auto != null && !auto.trim().equalsIgnoreCase("no"))
            || header(m, "X-Autoreply") != null || header(m, "X-Autorespond") != null
            || (precedence != null && precedence.trim().equalsIgnoreCase("auto_reply"))
            || (subject != null && subject.matches("(?i)^\\s*(auto(matic)? ?reply|out of (the )?office|auto:).*"));
    }

    private static String baseType(jakarta.mail.Part p) {
        try {
            String ct = p.getContentType();
            return ct == null ? "text/plain" : new ContentType(ct).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }

    /** The text after the header block: status codes in Received headers must not be mistaken for the bounce's. */
    private static String body(String text) {
        int i = text.indexOf("\r\n\r\n");
        int j = text.indexOf("\n\n");
        int cut = i < 0 ? j : j < 0 ? i : Math.min(i, j);
        return cut < 0 ? text : text.substring(cut);
    }

    static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ", ");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String headerOf(InternetHeaders h, String name) {
        return h == null ? null : h.getHeader(name, ", ");
    }

    private static Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        return p;
    }
}
