package org.mailroom.issue;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor's link checks, with the repairs that are certain: what slipped through TWiR's archive
 * (REDDIT_LINK_HERE, hhttps://, scheme-less www., relative links that break in a mailbox). A link is
 * checked once, where it is used, so a warning names the line the editor must fix.
 */
final class LinkLint {
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "ftp", "irc", "ircs", "tel", "news", "xmpp", "matrix");
    static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(/*)(.*)$", Pattern.DOTALL);
    static final Pattern MISSING_COLON = Pattern.compile("^(https?)//(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EXAMPLE_HOST = Pattern.compile("^(https?://)?(www\\.)?example\\.(com|org|net)(/|$)");
    private static final Pattern MARKER = Pattern.compile("\\b(TODO|FIXME|TBD|XXX)\\b");

    private final Lint lint;
    private final URI base;

    LinkLint(Lint lint, URI base) {
        this.lint = lint;
        this.base = base;
    }

    /** The href to use: repaired when the fix is certain, absolute unless it is an in-page anchor; null to drop it. */
    String check(String raw, int line, String what) {
        String href = raw.strip();
        if (href.isEmpty()) { lint.warn(line, "empty " + what + " target"); return null; }
        if (href.startsWith("#")) return href;
        if (href.length() > 2 && href.startsWith("(") && href.endsWith(")")) {
            lint.warn(line, what + " target wrapped in extra parentheses: '" + shorten(href) + "'");
            return check(href.substring(1, href.length() - 1), line, what);
        }
        if (isPlaceholder(href)) {
            lint.warn(line, "placeholder " + what + " target '" + href + "': replace it before sending");
            return href.contains(":") ? href : absolute(href);
        }
        if (isPlainHttp(href)) return href;
        Matcher colon = MISSING_COLON.matcher(href);
        if (colon.matches()) return repaired(line, what, href, colon.group(1).toLowerCase(Locale.ROOT) + "://" + colon.group(2));
        Matcher m = SCHEME.matcher(href);
        if (m.matches()) return checkScheme(line, what, href, m);
        if (href.regionMatches(true, 0, "www.", 0, 4)) {
            lint.warn(line, what + " has no scheme: '" + href + "' (used as https://" + href + ")");
            return "https://" + href;
        }
        String absolute = absolute(href);
        lint.warn(line, "relative " + what + " '" + href + "' breaks in a mailbox: resolved to " + absolute);
        return absolute;
    }

    /**
     * Template leftovers: REDDIT_LINK_HERE-style capitals, TODO markers, {@code <URL>}, example.com/my_article.
     * Plain string tests first: this runs for every link of every issue.
     */
    static boolean isPlaceholder(String href) {
        if (href.equals("()") || href.equalsIgnoreCase("url") || href.equalsIgnoreCase("link") || href.equalsIgnoreCase("here")) return true;
        if (href.startsWith("<") && href.endsWith(">")) return true;
        if (allCapitals(href)) return true;
        if ((href.contains("TODO") || href.contains("FIXME") || href.contains("TBD") || href.contains("XXX")) && MARKER.matcher(href).find()) return true;
        return href.contains("example.") && EXAMPLE_HOST.matcher(href).find();
    }

    /**
     * An http or https URL as the checks below would take it unchanged (lower-case scheme, two slashes, no third): most
     * links of an issue, which the two regexes cost more than all the rest of the checks.
     */
    static boolean isPlainHttp(String href) {
        int slashes = href.startsWith("https://") ? 8 : href.startsWith("http://") ? 7 : -1;
        return slashes > 0 && (href.length() == slashes || href.charAt(slashes) != '/');
    }

    private static boolean allCapitals(String s) {
        if (s.isEmpty() || s.charAt(0) < 'A' || s.charAt(0) > 'Z') return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) return false;
        }
        return true;
    }

    private String checkScheme(int line, String what, String href, Matcher m) {
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (SCHEMES.contains(scheme)) {
            if (scheme.startsWith("http") && m.group(2).length() != 2)
                return repaired(line, what, href, scheme + "://" + m.group(3));
            return href;
        }
        String meant = typoOfHttp(scheme);
        if (meant != null && !m.group(2).isEmpty()) return repaired(line, what, href, meant + "://" + m.group(3));
        lint.warn(line, what + " with scheme '" + scheme + ":' is not allowed in email: removed ('" + shorten(href) + "')");
        return null;
    }

    private String repaired(int line, String what, String href, String fixed) {
        lint.warn(line, "misspelled scheme in " + what + " '" + shorten(href) + "': used as " + shorten(fixed));
        return fixed;
    }

    /** http or https when the scheme is one or two edits away from it (hhttps, ttps, htps, htttp). */
    static String typoOfHttp(String scheme) {
        // Typos keep the h or the tt: hhttps, htps, htttp, ttps; sftp or git are other schemes, not typos.
        if (scheme.length() > 7 || !(scheme.startsWith("h") || scheme.startsWith("tt"))) return null;
        if (distance(scheme, "https") <= 2 && scheme.indexOf('s') >= 0) return "https";
        if (distance(scheme, "http") <= 2 && scheme.indexOf('t') >= 0) return "http";
        return null;
    }

    /** Resolved against the site URL as a browser would; hrefs that are not valid URIs are joined by hand. */
    String absolute(String href) {
        String h = (href.startsWith("//") ? base.getScheme() + ":" + href : href).replace(" ", "%20");
        try {
            return base.resolve(new URI(h)).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            String root = base.getScheme() + "://" + base.getRawAuthority();
            return h.startsWith("/") ? root + h : base + h;
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
