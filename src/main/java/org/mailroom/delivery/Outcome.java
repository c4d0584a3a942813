package org.mailroom.delivery;

import java.time.Instant;

/**
 * What happened to one claimed delivery.
 *
 * @param nextAttemptAt when a deferred row is due again (ignored otherwise)
 * @param reply         the SMTP reply or the reason, stored and logged
 * @param bounce        a permanent (5xx) refusal, counted toward marking the subscriber bounced
 */
public record Outcome(Claimed row, Result result, Instant nextAttemptAt, String reply, boolean bounce) {
    public enum Result { SENT, DEFERRED, FAILED, RELEASED }

    public static Outcome released(Claimed row) {
        return new Outcome(row, Result.RELEASED, null, null, false);
    }
}
