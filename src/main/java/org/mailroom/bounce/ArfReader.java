package org.mailroom.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

import java.io.InputStream;
import java.util.Locale;

/**
 * Reads the {@code message/feedback-report} part of an RFC 5965 (ARF) report. {@code abuse} and
 * {@code fraud} are a reader telling their provider "this is spam": a complaint. {@code not-spam} is
 * the opposite and ignored. Anything else ({@code auth-failure}, {@code virus}, {@code other}) is about our
 * sending, not about a reader, so it goes to the operator as unrecognised.
 */
final class ArfReader {
    private ArfReader() {}

    /**
     * @param originalTo the {@code To} of the returned original message, or null; providers often redact it,
     *                   which is why the signed claim (VERP, unsubscribe token) comes first
     */
    static Classification read(InputStream part, Identities.Claim claim, String originalTo, ReportContext ctx) throws MessagingException {
        InternetHeaders h = new InternetHeaders(part);
        String type = h.getHeader("Feedback-Type", null);
        type = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        if (type.equals("not-spam")) return new Classification.Ignored("feedback report: not-spam");
        if (!type.equals("abuse") && !type.equals("fraud"))
            return new Classification.Unrecognised("feedback report of type '" + type + "': not a reader's complaint");
        String email = Addresses.first(h.getHeader("Original-Rcpt-To", null));
        if (email == null && Addresses.isPlain(Addresses.first(originalTo))) email = Addresses.first(originalTo);
        if (email == null && claim.subscriberId() == null)
            return new Classification.Unrecognised("feedback report (" + type + ") names no recipient we can find");
        String agent = h.getHeader("User-Agent", null);
        String reason = "feedback report: " + type + (agent == null ? "" : " from " + agent.trim());
        return new Classification.Bounces(java.util.List.of(ctx.bounce(claim, email, BounceType.COMPLAINT, null, reason, BounceSource.ARF)));
    }
}
