package org.mailroom.message;

import java.net.URI;

/**
 * What every message of a campaign shares beyond its content.
 *
 * @param from        the From header value, e.g. {@code This Week in Rust <newsletter@example.org>}
 * @param replyTo     the Reply-To value or null
 * @param listId      the List-Id value, e.g. {@code weekly.example.org}
 * @param baseUrl     the public URL of serve; the unsubscribe URL is {@code baseUrl/unsubscribe/TOKEN}
 * @param unsubscribeMailto the mailto address for List-Unsubscribe, or null
 */
public record MessageSettings(String from, String replyTo, String listId, URI baseUrl, String unsubscribeMailto) {}
