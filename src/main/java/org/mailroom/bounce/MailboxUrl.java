package org.mailroom.bounce;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code bounce.mailbox} setting: {@code imap://user:password@host:port/INBOX}, {@code pop3://...},
 * {@code imaps://}, {@code pop3s://}. User and password may be percent-encoded ({@code %40} for {@code @}).
 * {@link #toString()} masks the password: the URL appears in logs and errors, the password never does.
 */
public record MailboxUrl(String protocol, String host, int port, String user, String password, String folder) {
    private static final Set<String> PROTOCOLS = Set.of("imap", "imaps", "pop3", "pop3s");

    public static MailboxUrl parse(String value) {
        if (value == null || value.isBlank()) throw new BounceException("bounce.mailbox is empty");
        URI u;
        try {
            u = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new BounceException("bounce.mailbox is not a URL (" + e.getReason() + "): " + mask(value));
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(scheme))
            throw new BounceException("bounce.mailbox must start with imap://, imaps://, pop3:// or pop3s://, got " + mask(value));
        if (u.getHost() == null) throw new BounceException("bounce.mailbox names no host: " + mask(value));
        String info = u.getUserInfo();
        if (info == null || info.isEmpty()) throw new BounceException("bounce.mailbox names no user: " + mask(value));
        int colon = info.indexOf(':');
        String user = colon < 0 ? info : info.substring(0, colon);
        String password = colon < 0 ? "" : info.substring(colon + 1);
        String path = u.getPath() == null ? "" : u.getPath().replaceFirst("^/+", "");
        String folder = scheme.startsWith("pop3") || path.isEmpty() ? "INBOX" : path;
        return new MailboxUrl(scheme, u.getHost(), u.getPort(), user, password, folder);
    }

    public boolean isImap() {
        return protocol.startsWith("imap");
    }

    @Override
    public String toString() {
        return protocol + "://" + user + (password.isEmpty() ? "" : ":***") + "@" + host + (port > 0 ? ":" + port : "") + "/" + folder;
    }

    /** The value with anything between {@code ://user:} and {@code @} masked, for messages about a URL that did not parse. */
    static String mask(String value) {
        return value.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
    }
}
