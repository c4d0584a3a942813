package org.mailroom.delivery;

import java.time.Instant;

/**
 * What happened to one claimed delivery.
 *
 * @param nextAttemptAt when a deferred row is due again (ignored otherwise)
 * @param reply         the SMTP reply or the reason, stored and logged
 * @param bounce        a permanent (5xx) refusal, counted toward marking the subscriber bounced
 * @param uncertain     the connection dropped before the relay answered: the message may have been accepted (the
 *                      relay can have counted it just before the line went), so a later attempt is a possible duplicate
 */
public record Outcome(Claimed row, Result result, Instant nextAttemptAt, String reply, boolean bounce, boolean uncertain) {
    public enum Result { SENT, DEFERRED, FAILED, RELEASED }

    public Outcome(Claimed row, Result result, Instant nextAttemptAt, String reply, boolean bounce) {
        this(row, result, nextAttemptAt, reply, bounce, false);
    }

    public static Outcome released(Claimed row) {
        return new Outcome(row, Result.RELEASED, null, null, false);
    }
}
