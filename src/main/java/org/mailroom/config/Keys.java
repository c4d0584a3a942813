package org.mailroom.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.mailroom.config.Key.Type.*;

/** Every property Mailroom reads. An unknown key in a file or a MAILROOM_* variable is an error, not ignored. */
public final class Keys {
    private Keys() {}

    public static final List<Key> ALL = List.of(
        // storage
        new Key("data.dir", "./data", STRING, "Folder for the H2 database, the generated secrets and the embedded outbox"),
        new Key("db.url", "jdbc:h2:file:./data/mailroom", STRING, "JDBC URL: H2 file (default) or jdbc:postgresql://..."),
        new Key("db.username", "sa", STRING, "Database user"),
        new Key("db.password", "", SECRET, "Database password"),
        new Key("db.pool-size", "10", INT, "Database connections kept open"),
        // SMTP
        new Key("smtp.host", "embedded", STRING, "SMTP relay host; 'embedded' runs an in-process server that keeps what is sent"),
        new Key("smtp.port", "2525", INT, "SMTP relay port (for 'embedded', the port it listens on; 0 picks a free one)"),
        new Key("smtp.username", "", STRING, "SMTP AUTH user (empty: no AUTH)"),
        new Key("smtp.password", "", SECRET, "SMTP AUTH password"),
        new Key("smtp.tls", "off", STRING, "off | starttls (when offered) | required (STARTTLS or fail)"),
        new Key("smtp.timeout-seconds", "30", INT, "Connect, read and write timeout of an SMTP connection"),
        new Key("smtp.helo", "", STRING, "Name sent in EHLO (empty: the local host name)"),
        new Key("smtp.relays", "", STRING, "Several relays for throughput and failover: host:port*weight, comma-separated (empty: smtp.host and smtp.port)"),
        // HTTP
        new Key("server.host", "127.0.0.1", STRING, "Address 'serve' listens on (put a TLS proxy in front for the public)"),
        new Key("server.port", "8080", INT, "HTTP port of 'serve'"),
        new Key("server.trust-proxy", "false", BOOLEAN, "Take the client address from the last X-Forwarded-For entry (only behind a reverse proxy that sets it)"),
        new Key("base.url", "http://localhost:8080", URL, "Public URL that links in emails point to"),
        new Key("admin.token", "", SECRET, "Bearer token for the editor and operator API and /admin (empty: generated into data.dir on first start)"),
        new Key("security.secret", "", SECRET, "Key that signs confirm and unsubscribe tokens (empty: generated into data.dir on first start)"),
        // the newsletter
        new Key("newsletter.name", "Mailroom Weekly", STRING, "Name shown in the email header, pages and List-Id"),
        new Key("newsletter.postal-address", "Mailroom Weekly, 1 Example Street, 12345 Example City", STRING, "Sender's postal or contact line in every email footer"),
        new Key("mail.from", "Mailroom Weekly <newsletter@example.org>", STRING, "From address of every email"),
        new Key("mail.reply-to", "", STRING, "Reply-To address (empty: none)"),
        new Key("mail.unsubscribe-mailto", "", STRING, "A second List-Unsubscribe, by email (e.g. unsubscribe@example.org): mail to it must reach bounce.mailbox, which unsubscribes the reader (empty: the one-click https link alone)"),
        new Key("list.id", "", STRING, "List-Id value, e.g. weekly.example.org (empty: the newsletter name at mail.from's domain, e.g. mailroom-weekly.example.org)"),
        new Key("site.url", "", URL, "Base URL that relative links and images in issues resolve against (empty: base.url)"),
        new Key("render.max-bytes", "5242880", INT, "Largest issue file accepted, in bytes"),
        // delivery
        new Key("delivery.concurrency", "4", INT, "SMTP connections used at once"),
        new Key("delivery.rate", "0", DECIMAL, "Messages per second at most over all connections (0 = unlimited)"),
        new Key("delivery.batch-size", "200", INT, "Recipients claimed from the database per batch"),
        new Key("delivery.lease-seconds", "300", INT, "How long a claimed batch is held before another sender may take it over"),
        new Key("delivery.max-attempts", "10", INT, "Attempts for a recipient before a temporary failure becomes permanent"),
        new Key("delivery.retry-base-seconds", "60", INT, "First retry delay after a 4xx reply or dropped connection; doubles each attempt"),
        new Key("delivery.retry-max-seconds", "21600", INT, "Longest retry delay"),
        new Key("delivery.bounce-threshold", "1", INT, "Permanent (5xx) failures after which a subscriber is marked bounced"),
        new Key("dkim.domain", "", STRING, "DKIM signing domain (empty: no signing)"),
        new Key("dkim.selector", "", STRING, "DKIM selector"),
        new Key("dkim.private-key", "", STRING, "Path to the DKIM private key (PKCS#8 DER or PEM)"),
        // bounces
        new Key("bounce.mailbox", "", SECRET, "imap://user:password@host:port/INBOX or pop3://... (imaps, pop3s for TLS); empty = off"),
        new Key("bounce.poll-seconds", "300", INT, "How often the bounce mailbox is read"),
        new Key("bounce.verp", "", STRING, "Envelope sender per reader and campaign (VERP), e.g. bounces+{token}@example.org, so a bounce names its reader even when the report is mangled (empty: off, mail.from's address)"),
        new Key("bounce.soft-threshold", "5", INT, "Soft bounces after which a subscriber is marked bounced"),
        // readers' forms
        new Key("subscribe.rate-per-ip", "20", INT, "Subscribe requests per client address per hour"),
        new Key("subscribe.rate-per-email", "3", INT, "Subscribe requests per email address per hour"),
        new Key("subscribe.confirm-days", "7", INT, "Days a confirmation link stays valid; subscribing again after that sends a new one (0: no limit)"),
        new Key("subscribe.resend-minutes", "5", INT, "Minimum minutes between two confirmation emails to one pending address")
    );

    private static final Map<String, Key> BY_NAME = new LinkedHashMap<>();
    static {
        for (Key k : ALL) BY_NAME.put(k.name(), k);
    }

    public static Key get(String name) {
        return BY_NAME.get(name);
    }
}
