package org.mailroom.message;

import org.mailroom.issue.EmailContent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;

/**
 * A campaign's message, prepared once and personalised per reader.
 * <p>
 * {@link #prepare} encodes the whole message once (shared headers, multipart/alternative body, each part
 * quoted-printable) with {@link #TOKEN_PLACEHOLDER} wherever a reader's token goes, and records where the
 * placeholders landed. Per reader, {@link #personalize} and {@link #writeTo} only copy those bytes, put the
 * reader's token over each placeholder (same length, same character class: no line moves) and add three short
 * headers: Date (when the message is built), To and Message-ID. Nothing of the issue is re-encoded per reader.
 * With a {@link DkimSigner}, a DKIM-Signature header comes first; only the part of the body after the first
 * token is hashed per reader (see {@link DkimBody}).
 * <p>
 * The bytes use CRLF, keep lines within 78 columns in headers (but for a long unsubscribe URL, which cannot
 * fold) and 76 in bodies, and never start a line with '.', so they can go into SMTP DATA without dot-stuffing.
 * A template is safe to use from several sending threads at once.
 */
public final class MessageTemplate {
    /** Length of every personal token spliced into a message. */
    public static final int TOKEN_LENGTH = 43;
    /** What the renderer writes where a reader's token goes; same length as a real token, base64url only. */
    public static final String TOKEN_PLACEHOLDER = "MRtok0000000000000000000000000000000000000Z";

    /** Per-thread buffers, so that building a reader's headers allocates nothing in the steady state. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final PreparedMessage prepared;
    private final Clock clock;
    private final DateHeader date;
    private final DkimSigner dkim;
    private final DkimBody dkimBody;
    /** How many tokens are in the headers (List-Unsubscribe); the others are in the body. */
    private final int headerTokens;
    /** The shared bytes start no line with '.' and end with CRLF (see {@link Personal#smtpSafe}). */
    private final boolean smtpSafe;

    private MessageTemplate(PreparedMessage prepared, Clock clock, DkimSigner dkim) {
        this.prepared = prepared;
        this.clock = clock;
        this.date = new DateHeader(clock);
        this.dkim = dkim;
        int n = 0;
        while (n < prepared.tokens().length && prepared.tokens()[n] < prepared.headerEnd()) n++;
        this.headerTokens = n;
        byte[] fixed = prepared.bytes();
        int size = prepared.size();
        this.smtpSafe = !prepared.periodStartsLine() && size >= 2 && fixed[size - 2] == '\r' && fixed[size - 1] == '\n';
        int[] bodyTokens = Arrays.copyOfRange(prepared.tokens(), n, prepared.tokens().length);
        this.dkimBody = dkim == null ? null
            : new DkimBody(prepared.bytes(), prepared.headerEnd() + 2, prepared.size(), bodyTokens);
    }

    /** Encodes the campaign's message; refuses (MessageException) header values with CR or LF and bad addresses. */
    public static MessageTemplate prepare(EmailContent content, MessageSettings settings) {
        return prepare(content, settings, Clock.systemUTC(), null);
    }

    /** As {@link #prepare(EmailContent, MessageSettings)}, with the clock that dates each message. */
    public static MessageTemplate prepare(EmailContent content, MessageSettings settings, Clock clock) {
        return prepare(content, settings, clock, null);
    }

    /** As {@link #prepare(EmailContent, MessageSettings)}, each message DKIM-signed when {@code dkim} is not null. */
    public static MessageTemplate prepare(EmailContent content, MessageSettings settings, DkimSigner dkim) {
        return prepare(content, settings, Clock.systemUTC(), dkim);
    }

    /** The full form: the clock dates each message (Date header, DKIM t=); {@code dkim} may be null. */
    public static MessageTemplate prepare(EmailContent content, MessageSettings settings, Clock clock, DkimSigner dkim) {
        return new MessageTemplate(PreparedMessage.of(content, settings), clock, dkim);
    }

    /** The reader's whole message, a new array. */
    public byte[] personalize(Recipient r) {
        Scratch s = head(r);
        byte[] out = new byte[s.dkim.len + s.head.len + prepared.size()];
        copy(s, out, 0);
        return out;
    }

    /**
     * The reader's message in {@code reuse} when it is large enough (else in a new buffer), from position 0 and
     * flipped for reading: a sender that keeps one buffer per connection allocates nothing per message.
     */
    public ByteBuffer personalize(Recipient r, ByteBuffer reuse) {
        Scratch s = head(r);
        int size = s.dkim.len + s.head.len + prepared.size();
        ByteBuffer b = reuse != null && reuse.hasArray() && reuse.capacity() >= size ? reuse : ByteBuffer.allocate(size + 4096);
        b.clear();
        copy(s, b.array(), b.arrayOffset());
        b.limit(size);
        return b;
    }

    private void copy(Scratch s, byte[] out, int at) {
        copy(s.dkim.buf, s.dkim.len, s.head.buf, s.head.len, s.token, out, at);
    }

    /** The DKIM line, the personal headers, then the shared bytes with the token over every placeholder. */
    private void copy(byte[] dkimLine, int dkimLen, byte[] head, int headLen, byte[] token, byte[] out, int at) {
        byte[] fixed = prepared.bytes();
        System.arraycopy(dkimLine, 0, out, at, dkimLen);
        System.arraycopy(head, 0, out, at + dkimLen, headLen);
        int h = at + dkimLen + headLen;
        System.arraycopy(fixed, 0, out, h, prepared.size());
        for (int off : prepared.tokens()) System.arraycopy(token, 0, out, h + off, TOKEN_LENGTH);
    }

    /** Writes the reader's message straight from the prepared bytes: no copy of the issue is made. */
    public void writeTo(Recipient r, OutputStream out) throws IOException {
        Scratch s = head(r);
        write(s.dkim.buf, s.dkim.len, s.head.buf, s.head.len, s.token, out);
    }

    private void write(byte[] dkimLine, int dkimLen, byte[] head, int headLen, byte[] token, OutputStream out) throws IOException {
        byte[] fixed = prepared.bytes();
        out.write(dkimLine, 0, dkimLen);
        out.write(head, 0, headLen);
        int from = 0;
        for (int off : prepared.tokens()) {
            out.write(fixed, from, off - from);
            out.write(token, 0, TOKEN_LENGTH);
            from = off + TOKEN_LENGTH;
        }
        out.write(fixed, from, prepared.size() - from);
    }

    /**
     * The reader's message as its personal parts (headers, DKIM signature and token: under 2 KB) over the shared
     * bytes, to be written out later, from any thread: the issue itself is neither copied nor re-encoded. Checks the
     * reader's values now, so a bad address fails here and not halfway through an SMTP DATA.
     */
    public Personal reader(Recipient r) {
        Scratch s = head(r);
        return new Personal(Arrays.copyOf(s.dkim.buf, s.dkim.len), Arrays.copyOf(s.head.buf, s.head.len), s.token.clone());
    }

    /** One reader's message (see {@link #reader}). */
    public final class Personal {
        private final byte[] dkimLine;
        private final byte[] head;
        private final byte[] token;

        private Personal(byte[] dkimLine, byte[] head, byte[] token) {
            this.dkimLine = dkimLine;
            this.head = head;
            this.token = token;
        }

        /** Writes the whole message (CRLF line ends, ending with CRLF). */
        public void writeTo(OutputStream out) throws IOException {
            write(dkimLine, dkimLine.length, head, head.length, token, out);
        }

        /** Its length in bytes. */
        public int size() {
            return dkimLine.length + head.length + prepared.size();
        }

        /** The whole message as one new array. */
        public byte[] bytes() {
            byte[] out = new byte[size()];
            copy(dkimLine, dkimLine.length, head, head.length, token, out, 0);
            return out;
        }

        /**
         * True when no line of the message starts with '.' and it ends with CRLF, so that it can go into SMTP DATA as
         * it is, without dot-stuffing (RFC 5321, 4.5.2). Always true for a template's messages (the shared bytes are
         * checked once when prepared; personal header lines start with their names, folded ones with a space, and a
         * token is base64url): a check, not an assumption.
         */
        public boolean smtpSafe() {
            return smtpSafe && !lineStartsWithPeriod(dkimLine) && !lineStartsWithPeriod(head);
        }
    }

    /** Bytes of the body that DKIM hashes per reader: from the first token on (0 without DKIM). */
    public int dkimBytesHashedPerReader() {
        return dkimBody == null ? 0 : dkimBody.bytesHashedPerReader();
    }

    /** The size in bytes of every reader's message but for its personal headers (a few hundred bytes). */
    public int sharedSize() {
        return prepared.size();
    }

    /** Checks the reader's values and writes the personal headers and token into this thread's scratch. */
    private Scratch head(Recipient r) {
        if (r == null) throw new MessageException("no recipient");
        Headers.checkEmail(r.email());
        Headers.check("To", r.name());
        Headers.checkMessageId(r.messageId(), r.email());
        Scratch s = SCRATCH.get();
        token(r, s.token);
        ByteSink head = s.head;
        head.reset();
        head.put(date.line());
        Headers.address(head, "To", r.name(), r.email());
        head.ascii("Message-ID: <").ascii(r.messageId()).ascii(">\r\n");
        s.dkim.reset();
        if (dkim != null) sign(s);
        return s;
    }

    /** The DKIM-Signature of this reader's message: over the header block as sent, and the body with the token. */
    private void sign(Scratch s) {
        ByteSink all = s.headers;
        all.reset();
        all.put(s.head.buf, 0, s.head.len);
        int base = all.len;
        all.put(prepared.bytes(), 0, prepared.headerEnd());
        for (int i = 0; i < headerTokens; i++) System.arraycopy(s.token, 0, all.buf, base + prepared.tokens()[i], TOKEN_LENGTH);
        dkim.header(all.buf, all.len, dkimBody.hash(s.token), Math.floorDiv(clock.millis(), 1000), s.dkim);
    }

    /** Whether a line of these bytes starts with '.': at the start, or after a LF. */
    private static boolean lineStartsWithPeriod(byte[] b) {
        return PreparedMessage.lineStartsWithPeriod(b, 0, b.length);
    }

    /** A token is exactly 43 base64url characters: anything else could break a line or a URL. */
    private static void token(Recipient r, byte[] into) {
        String t = r.unsubscribeToken();
        if (t == null || t.length() != TOKEN_LENGTH)
            throw new MessageException("unsubscribe token for " + r.email() + " is not " + TOKEN_LENGTH + " characters");
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            char c = t.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'))
                throw new MessageException("unsubscribe token for " + r.email() + " is not base64url at " + i);
            into[i] = (byte) c;
        }
    }

    private static final class Scratch {
        final ByteSink head = new ByteSink(512);
        final ByteSink dkim = new ByteSink(1024);
        final ByteSink headers = new ByteSink(2048);
        final byte[] token = new byte[TOKEN_LENGTH];
    }
}
