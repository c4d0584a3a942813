package org.mailroom.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.mailroom.subscriber.SubscriberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;

/**
 * Handles one report from the mailbox in one transaction: its seen mark, its bounces and their effects,
 * or its copy kept for the operator. A report already seen is skipped, so one that comes back (a crash
 * before it left the mailbox, a relay delivering it twice) changes nothing.
 */
public final class ReportHandler {
    private static final Logger log = LoggerFactory.getLogger(ReportHandler.class);
    private static final Session SESSION = Session.getInstance(new Properties());

    /** What handling a report did. */
    public enum Result { BOUNCE, UNSUBSCRIBE, IGNORED, UNRECOGNISED, ALREADY_SEEN }

    private final ReportParser parser;
    private final BounceStore store;
    private final BounceRules rules;
    private final Clock clock;
    private final SubscriberStore subscribers;

    public ReportHandler(ReportParser parser, BounceStore store, BounceRules rules, Clock clock) {
        this.parser = parser;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.subscribers = new SubscriberStore(store.database());
    }

    public Result handle(byte[] raw) {
        Instant now = clock.instant();
        MimeMessage headers = headers(raw);
        String reportId = ReportParser.reportId(headers, raw);
        Classification c = parser.parse(raw, now);
        // An unsubscribe by email is done first, on its own: it changes nothing the second time, so a crash before the
        // seen mark below only repeats it. (A reader who subscribed again since is left alone: see ALREADY_SEEN.)
        if (c instanceof Classification.Unsubscribe u && store.database().inTransaction(conn -> store.seen(conn, reportId)) == null) {
            boolean left = subscribers.unsubscribe(u.subscriberId(), "email", u.campaignId(), null, now);
            log.info("unsubscribe request by email from subscriber {}{}", u.subscriberId(), left ? ": unsubscribed" : ": already off the list");
        }
        return store.database().inTransaction(conn -> {
            if (store.seen(conn, reportId) != null) return Result.ALREADY_SEEN;
            Result r = apply(conn, c, reportId, headers, raw, now);
            store.markSeen(conn, reportId, r.name().toLowerCase(java.util.Locale.ROOT), now);
            return r;
        });
    }

    private Result apply(Connection conn, Classification c, String reportId, MimeMessage m, byte[] raw, Instant now) throws SQLException {
        if (c instanceof Classification.Bounces b) {
            for (Bounce bounce : b.bounces()) {
                BounceRecorder.Outcome o = rules.record(conn, bounce);
                log.info("{} bounce for {} (status {}){}", bounce.type().code(), bounce.email() != null ? bounce.email() : "subscriber " + bounce.subscriberId(),
                    bounce.status(), o.statusChanged() ? ": now " + o.newStatus() : "");
            }
            return Result.BOUNCE;
        }
        if (c instanceof Classification.Unsubscribe) return Result.UNSUBSCRIBE;
        if (c instanceof Classification.Ignored i) {
            log.info("report {} ignored: {}", reportId, i.why());
            return Result.IGNORED;
        }
        String why = ((Classification.Unrecognised) c).why();
        store.keepUnrecognised(conn, reportId, now, decoded(m, "From"), decoded(m, "Subject"), why, raw);
        log.warn("report {} kept for the operator: {}", reportId, why);
        return Result.UNRECOGNISED;
    }

    private static MimeMessage headers(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            return new MimeMessage(SESSION); // no headers: the report id falls back to the hash of the bytes
        }
    }

    private static String decoded(MimeMessage m, String name) {
        String v = ReportParser.header(m, name);
        if (v == null) return null;
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(v));
        } catch (UnsupportedEncodingException e) {
            return v;
        }
    }
}
