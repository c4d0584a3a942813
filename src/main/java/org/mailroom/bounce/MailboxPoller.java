package org.mailroom.bounce;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the bounce mailbox once: each message is handled (its effects committed to the database with
 * its seen mark), then moved to the {@code Processed} folder (IMAP) or deleted (POP3). A crash between
 * the commit and the move leaves the message in the mailbox, where the next poll finds it seen and only
 * moves it. A message that fails to be handled stays for the next poll; the others go on.
 */
public final class MailboxPoller {
    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    public static final String PROCESSED = "Processed";

    private final MailboxUrl url;
    private final ReportHandler handler;
    private final int timeoutMillis;

    public MailboxPoller(MailboxUrl url, ReportHandler handler, int timeoutSeconds) {
        this.url = url;
        this.handler = handler;
        this.timeoutMillis = timeoutSeconds * 1000;
    }

    /** What one poll did, per result; {@code failed} counts messages left for the next poll. */
    public record Summary(Map<ReportHandler.Result, Integer> results, int failed) {
        public int count(ReportHandler.Result r) {
            return results.getOrDefault(r, 0);
        }
    }

    public Summary pollOnce() {
        Session session = Session.getInstance(properties());
        try (Store store = session.getStore(url.protocol())) {
            store.connect(url.host(), url.port(), url.user(), url.password());
            Folder inbox = store.getFolder(url.folder());
            inbox.open(Folder.READ_WRITE);
            Folder processed = url.isImap() ? processedFolder(store) : null; // POP3 has no folders: delete
            Summary s = drain(inbox, processed);
            inbox.close(true); // expunges what was moved (IMAP) or deletes it (POP3 deletes at QUIT)
            return s;
        } catch (MessagingException e) {
            throw new BounceException("bounce mailbox " + url + ": " + safeMessage(e), e);
        }
    }

    private Summary drain(Folder inbox, Folder processed) throws MessagingException {
        Map<ReportHandler.Result, Integer> results = new EnumMap<>(ReportHandler.Result.class);
        int failed = 0;
        for (Message m : inbox.getMessages()) {
            if (m.isSet(Flags.Flag.DELETED)) continue; // moved by an earlier poll that died before expunging
            try {
                ReportHandler.Result r = handler.handle(raw(m));
                results.merge(r, 1, Integer::sum);
                if (processed != null) inbox.copyMessages(new Message[] {m}, processed);
                m.setFlag(Flags.Flag.DELETED, true);
            } catch (RuntimeException | IOException | MessagingException e) {
                failed++;
                // No stack trace: it would print the cause's messages unmasked.
                log.error("bounce mailbox {}: message {} left for the next poll: {}: {}", url, m.getMessageNumber(),
                    e.getClass().getSimpleName(), safeMessage(e));
            }
        }
        if (!results.isEmpty() || failed > 0) log.info("bounce mailbox {}: {} handled, {} failed", url, results, failed);
        return new Summary(Map.copyOf(results), failed);
    }

    /**
     * Copy then flag \Deleted rather than IMAP MOVE: every server has COPY, and a crash between the two
     * leaves a seen message in INBOX that the next poll moves again, never one that is lost. Servers that
     * allow folders only below INBOX get {@code INBOX.Processed}; where no folder can be made, handled
     * reports are only deleted (they are in the database already).
     */
    private Folder processedFolder(Store store) throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        for (Folder f : new Folder[] {store.getFolder(PROCESSED), inbox.getFolder(PROCESSED)}) {
            try {
                if (f.exists() || f.create(Folder.HOLDS_MESSAGES)) return f;
            } catch (MessagingException e) {
                log.debug("bounce mailbox {}: cannot create {}: {}", url, f.getFullName(), safeMessage(e));
            }
        }
        log.warn("bounce mailbox {}: no folder {} can be created; handled reports are deleted instead of moved", url, PROCESSED);
        return null;
    }

    /** The bytes as stored. Not getSize(): it makes IMAP servers parse the message, which fails on broken MIME. */
    private static byte[] raw(Message m) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        m.writeTo(out);
        return out.toByteArray();
    }

    private Properties properties() {
        Properties p = new Properties();
        String proto = url.protocol();
        p.setProperty("mail." + proto + ".connectiontimeout", String.valueOf(timeoutMillis));
        p.setProperty("mail." + proto + ".timeout", String.valueOf(timeoutMillis));
        p.setProperty("mail." + proto + ".writetimeout", String.valueOf(timeoutMillis));
        if (proto.endsWith("s")) p.setProperty("mail." + proto + ".ssl.checkserveridentity", "true");
        return p;
    }

    /** An exception's message with the password masked, should a server or library echo it. */
    private String safeMessage(Exception e) {
        String msg = String.valueOf(e.getMessage());
        return url.password().isEmpty() ? msg : msg.replace(url.password(), "***");
    }
}
