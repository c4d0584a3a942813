package org.mailroom.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounces without a usable report structure: qmail's plain text, Exim's {@code X-Failed-Recipients},
 * and mangled reports (a broken MIME boundary) whose DSN fields are still in the text. The last resort
 * is the VERP address the bounce was sent to: it names the subscriber even when nothing else survives.
 */
final class PlainBounceReader {
    private static final Pattern QMAIL_RECIPIENT = Pattern.compile("(?m)^<([^>\\s]+@[^>\\s]+)>:\\s*$");
    private static final Pattern FINAL_RECIPIENT = Pattern.compile("(?im)^(?:Final|Original)-Recipient:\\s*rfc822\\s*;\\s*<?([^\\s>]+@[^\\s>]+)>?");
    private static final Pattern SENDMAIL_RECIPIENT = Pattern.compile("(?i)-+ The following addresses had permanent fatal errors -+\\s*<?([^\\s<>]+@[^\\s<>]+)>?");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*(\\w+)");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(?:\\w+\\s*;)?\\s*(.+(?:\\r?\\n[ \\t]+.+)*)");

    private PlainBounceReader() {}

    /** Bounces read from the text, or an empty list when the text names no recipient we can find. */
    static List<Bounce> read(String text, String failedRecipientsHeader, ReportContext ctx) {
        if (text.contains("This is the qmail-send program")) {
            List<Bounce> q = qmail(text, ctx);
            if (!q.isEmpty()) return q;
        }
        Bounce fields = dsnFields(text, ctx);
        if (fields != null) return List.of(fields);
        String email = Addresses.first(failedRecipientsHeader);
        Matcher sendmail = SENDMAIL_RECIPIENT.matcher(text);
        if (email == null && sendmail.find()) email = sendmail.group(1);
        if (email == null && ctx.envelope().subscriberId() == null) return List.of();
        String status = StatusCodes.find(text);
        // A daemon's message with no code at all is still a failure; soft, so one odd report cannot remove a reader.
        BounceType type = status == null ? BounceType.SOFT : StatusCodes.judge(status);
        return List.of(ctx.bounce(ctx.envelope(), email, type, status, StatusCodes.lineWithCode(text), BounceSource.TEXT));
    }

    /** qmail: {@code <addr>:} on a line, then the remote's words up to a blank line. */
    private static List<Bounce> qmail(String text, ReportContext ctx) {
        String body = text.split("--- Below this line is a copy of the message\\.", 2)[0];
        Matcher m = QMAIL_RECIPIENT.matcher(body);
        record Block(String email, int start, int end) {}
        List<Block> blocks = new ArrayList<>();
        while (m.find()) blocks.add(new Block(m.group(1), m.start(), m.end()));
        List<Bounce> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            int end = i + 1 < blocks.size() ? blocks.get(i + 1).start() : body.length();
            String words = body.substring(blocks.get(i).end(), end).strip();
            String status = StatusCodes.find(words);
            // qmail only bounces permanent failures, or messages that stayed in the queue too long (soft).
            BounceType type = words.contains("in the queue too long") ? BounceType.SOFT
                : status == null ? BounceType.HARD : StatusCodes.judge(status);
            Identities.Claim claim = blocks.size() == 1 ? ctx.envelope() : ctx.envelope().withoutSubscriber();
            out.add(ctx.bounce(claim, blocks.get(i).email(), type, status, words, BounceSource.TEXT));
        }
        return out;
    }

    /** DSN fields surviving in the text of a report whose MIME structure is broken. */
    private static Bounce dsnFields(String text, ReportContext ctx) {
        Matcher r = FINAL_RECIPIENT.matcher(text);
        Matcher a = ACTION.matcher(text);
        if (!r.find() || !a.find()) return null;
        String action = a.group(1).toLowerCase(java.util.Locale.ROOT);
        if (!action.equals("failed") && !action.equals("delayed")) return null;
        Matcher s = STATUS.matcher(text);
        Matcher d = DIAGNOSTIC.matcher(text);
        String diagnostic = d.find() ? d.group(1) : null;
        String status = s.find() ? s.group(1) : StatusCodes.find(diagnostic);
        BounceType type = action.equals("delayed") ? BounceType.SOFT : StatusCodes.judge(status);
        return ctx.bounce(ctx.envelope(), r.group(1), type, status, diagnostic != null ? diagnostic : action, BounceSource.TEXT);
    }
}
