package org.mailroom.delivery;

/** A delivery row this sender holds: whom to send to, and how many attempts it already had. */
public record Claimed(long campaignId, long subscriberId, String email, String name, int attempts, boolean possibleDuplicate) {}
