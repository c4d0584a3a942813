package org.mailroom.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code message/delivery-status} part of an RFC 3464 report with Angus Mail's
 * {@link DeliveryStatus}, and judges each recipient: {@code failed} with 5.x.x is hard (but see
 * {@link StatusCodes#judge}), {@code failed} with 4.x.x and {@code delayed} are soft, and
 * {@code delivered}, {@code relayed}, {@code expanded} are no bounce at all.
 */
final class DsnReader {
    private DsnReader() {}

    /** One result per recipient block: a bounce, or null for a success notice. */
    record Result(List<Bounce> bounces, int successes) {}

    static Result read(InputStream part, Identities.Claim claim, ReportContext ctx) throws MessagingException, IOException {
        DeliveryStatus ds = new DeliveryStatus(part);
        List<Bounce> out = new ArrayList<>();
        int successes = 0;
        int n = ds.getRecipientDSNCount();
        for (int i = 0; i < n; i++) {
            InternetHeaders h = ds.getRecipientDSN(i);
            String action = field(h, "Action");
            if (action == null) continue;
            action = action.toLowerCase(Locale.ROOT);
            if (action.startsWith("delivered") || action.startsWith("relayed") || action.startsWith("expanded")) {
                successes++;
                continue;
            }
            Bounce b = bounce(h, action, n == 1 ? claim : claim.withoutSubscriber(), ctx);
            if (b != null) out.add(b);
        }
        return new Result(out, successes);
    }

    private static Bounce bounce(InternetHeaders h, String action, Identities.Claim claim, ReportContext ctx) {
        String email = Addresses.fromField(field(h, "Final-Recipient"));
        if (email == null) email = Addresses.fromField(field(h, "Original-Recipient"));
        if (email == null && claim.subscriberId() == null) return null;
        String diagnostic = diagnostic(field(h, "Diagnostic-Code"));
        String status = StatusCodes.clean(field(h, "Status"));
        if (status == null) status = StatusCodes.find(diagnostic);
        BounceType type = action.startsWith("delayed") ? BounceType.SOFT : StatusCodes.judge(status);
        String reason = diagnostic != null ? diagnostic : action;
        return ctx.bounce(claim, email, type, status, reason, BounceSource.DSN);
    }

    /** {@code smtp; 550 5.1.1 ...} -> {@code 550 5.1.1 ...}: the type before the semicolon says nothing to an operator. */
    private static String diagnostic(String field) {
        if (field == null) return null;
        int semi = field.indexOf(';');
        return (semi >= 0 && semi < 12 ? field.substring(semi + 1) : field).trim();
    }

    private static String field(InternetHeaders h, String name) {
        String v = h.getHeader(name, " ");
        return v == null || v.isBlank() ? null : v.trim();
    }
}
