package org.mailroom.message;

/**
 * Who one message goes to.
 *
 * @param email            the address (already validated)
 * @param name             display name or null
 * @param unsubscribeToken the signed token of exactly {@link MessageTemplate#TOKEN_LENGTH} base64url characters
 * @param messageId        the Message-ID value without angle brackets
 */
public record Recipient(String email, String name, String unsubscribeToken, String messageId) {}
