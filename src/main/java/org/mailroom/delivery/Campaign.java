package org.mailroom.delivery;

import java.time.Instant;

/** A campaign as stored; its rendered content is read separately, only by senders. */
public record Campaign(long id, String sourceFile, String subject, CampaignStatus status, Instant scheduledAt,
                       Instant createdAt, Instant startedAt, Instant finishedAt, int audience) {}
