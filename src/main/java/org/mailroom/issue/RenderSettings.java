package org.mailroom.issue;

import org.mailroom.config.Config;

import java.net.URI;

/**
 * What the renderer takes from the configuration.
 *
 * @param newsletterName shown in the header of every email
 * @param postalAddress  the sender's postal or contact line in the footer
 * @param baseUrl        the public URL of serve: web archive and unsubscribe links, no trailing slash
 * @param siteUrl        what relative links resolve against, no trailing slash
 * @param maxBytes       the largest issue file accepted
 */
public record RenderSettings(String newsletterName, String postalAddress, URI baseUrl, URI siteUrl, long maxBytes) {
    public static RenderSettings from(Config c) {
        URI base = c.url("base.url");
        URI site = c.url("site.url");
        return new RenderSettings(c.string("newsletter.name"), c.string("newsletter.postal-address"),
            base, site == null ? base : site, c.integer("render.max-bytes"));
    }

    /** The site URL as a directory, so {@code 2024-12-18-x.html} resolves beside it rather than replacing its last segment. */
    URI resolveBase() {
        String s = siteUrl.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }
}
