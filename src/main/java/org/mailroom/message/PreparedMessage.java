package org.mailroom.message;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.mailroom.issue.EmailContent;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Everything of a campaign's message that is the same for all readers, encoded once: the shared headers
 * (From, Reply-To, Subject, List-Id, List-Unsubscribe with token placeholders, List-Unsubscribe-Post,
 * MIME-Version, Content-Type), the blank line, and the multipart/alternative body (text, then HTML, each
 * quoted-printable).
 *
 * @param bytes     the encoded bytes in its first {@code size}, CRLF throughout, with a placeholder at every token
 *                  position; the rest is the buffer's spare room, kept rather than copied away
 * @param size      how many bytes the message has
 * @param tokens    offsets of the placeholders in {@code bytes}, ascending
 * @param headerEnd offset of the blank line that ends the headers; the body starts 2 bytes later
 * @param periodStartsLine whether a line starts with '.' (which SMTP would need dot-stuffed); checked as the bytes
 *                  are written, so that no scan of the whole message is needed
 */
record PreparedMessage(byte[] bytes, int size, int[] tokens, int headerEnd, boolean periodStartsLine) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PLACEHOLDER = MessageTemplate.TOKEN_PLACEHOLDER;

    static PreparedMessage of(EmailContent content, MessageSettings settings) {
        check(content, settings);
        ByteSink out = new ByteSink(content.html().length() * 11 / 10 + content.text().length() * 11 / 10 + 4096);
        int[] tokens = new int[0];
        sender(out, "From", settings.from());
        if (present(settings.replyTo())) sender(out, "Reply-To", settings.replyTo());
        Headers.unstructured(out, "Subject", content.subject());
        if (present(settings.listId())) {
            String id = settings.listId().trim();
            out.ascii("List-Id: ").ascii(id.contains("<") ? id : "<" + id + ">").crlf();
        }
        tokens = listUnsubscribe(out, settings, tokens);
        out.ascii("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
        // "=_" can never occur in quoted-printable output ('=' is always followed by hex or a line break).
        String boundary = "=_mailroom_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        out.ascii("MIME-Version: 1.0\r\n");
        out.ascii("Content-Type: multipart/alternative;\r\n boundary=\"").ascii(boundary).ascii("\"\r\n");
        int headerEnd = out.len;
        out.crlf();
        boolean period = lineStartsWithPeriod(out.buf, 0, out.len);
        QuotedPrintable.Written text = part(out, boundary, "plain", content.text());
        QuotedPrintable.Written html = part(out, boundary, "html", content.html());
        int end = out.len;
        out.ascii("--").ascii(boundary).ascii("--\r\n");
        period |= text.periodStartsLine() || html.periodStartsLine() || lineStartsWithPeriod(out.buf, end, out.len);
        int[] all = Arrays.copyOf(tokens, tokens.length + text.tokens().length + html.tokens().length);
        System.arraycopy(text.tokens(), 0, all, tokens.length, text.tokens().length);
        System.arraycopy(html.tokens(), 0, all, tokens.length + text.tokens().length, html.tokens().length);
        return new PreparedMessage(out.buf, out.len, all, headerEnd, period);
    }

    /** Whether a byte of {@code b[from, to)} is a '.' that starts a line: at 0, or after a LF. */
    static boolean lineStartsWithPeriod(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == '.' && (i == 0 || b[i - 1] == '\n')) return true;
        return false;
    }

    private static void check(EmailContent content, MessageSettings settings) {
        if (content.subject() == null || content.text() == null || content.html() == null)
            throw new MessageException("message content needs a subject, a text and an HTML part");
        if (settings.from() == null || settings.baseUrl() == null)
            throw new MessageException("message settings need a From address and a base URL");
        Headers.check("Subject", content.subject());
        Headers.check("From", settings.from());
        Headers.check("Reply-To", settings.replyTo());
        Headers.check("List-Id", settings.listId());
        Headers.check("List-Unsubscribe", settings.unsubscribeMailto());
        if (present(settings.listId()) && !isPrintableAscii(settings.listId()))
            throw new MessageException("List-Id must be printable ASCII: " + settings.listId());
    }

    /** From and Reply-To: parsed strictly once, then written with the same rules as a reader's To. */
    private static void sender(ByteSink out, String header, String value) {
        try {
            InternetAddress a = new InternetAddress(value.trim(), true);
            Headers.checkEmail(a.getAddress());
            Headers.address(out, header, a.getPersonal(), a.getAddress());
        } catch (AddressException | MessageException e) {
            throw new MessageException(header + ": not a single valid address: " + value + " (" + e.getMessage() + ")", e);
        }
    }

    /** The https URL and the mailto, each carrying the reader's token; on two lines to stay under 78 columns. */
    private static int[] listUnsubscribe(ByteSink out, MessageSettings s, int[] tokens) {
        String base = s.baseUrl().toASCIIString();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        out.ascii("List-Unsubscribe: <").ascii(base).ascii("/unsubscribe/");
        tokens = append(tokens, out.len);
        out.ascii(PLACEHOLDER).put('>');
        checkLineLength(out, base);
        if (present(s.unsubscribeMailto())) {
            String to = s.unsubscribeMailto().trim();
            if (to.startsWith("mailto:")) to = to.substring("mailto:".length());
            if (!isPrintableAscii(to) || to.contains(" ") || to.contains(">"))
                throw new MessageException("List-Unsubscribe: not a mailto address: " + s.unsubscribeMailto());
            out.ascii(",\r\n <mailto:").ascii(to).ascii("?subject=unsubscribe-");
            tokens = append(tokens, out.len);
            out.ascii(PLACEHOLDER).put('>');
        }
        checkLineLength(out, s.unsubscribeMailto());
        out.crlf();
        return tokens;
    }

    /** A part's headers and quoted-printable content; whether a line starts with '.' is checked for all it wrote. */
    private static QuotedPrintable.Written part(ByteSink out, String boundary, String subtype, String text) {
        int start = out.len;
        out.ascii("--").ascii(boundary).crlf();
        out.ascii("Content-Type: text/").ascii(subtype).ascii("; charset=UTF-8\r\n");
        out.ascii("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        boolean period = lineStartsWithPeriod(out.buf, start, out.len);
        QuotedPrintable.Written qp = QuotedPrintable.into(out, text, PLACEHOLDER);
        int end = out.len;
        // The CRLF before the next boundary belongs to the boundary, not to the content.
        out.crlf();
        period |= qp.periodStartsLine() || lineStartsWithPeriod(out.buf, end, out.len);
        return new QuotedPrintable.Written(qp.tokens(), period);
    }

    /** A URL cannot be folded, and SMTP refuses lines over 998 octets. */
    private static void checkLineLength(ByteSink out, String what) {
        int start = 0;
        for (int i = out.len - 1; i >= 0 && start == 0; i--) if (out.buf[i] == '\n') start = i + 1;
        if (out.len - start > 996) throw new MessageException("List-Unsubscribe: line over 998 octets with " + what);
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return b;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7E) return false;
        return true;
    }
}
