package org.mailroom.bounce;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told of every bounce inside the transaction that records it, so another feature (the delivery log)
 * can write its own row next to the send atomically: if the listener throws, nothing is recorded and the
 * report stays in the mailbox for the next poll.
 */
@FunctionalInterface
public interface BounceListener {
    void recorded(Connection c, Bounce bounce, BounceRecorder.Outcome outcome) throws SQLException;

    BounceListener NONE = (c, b, o) -> {};
}
