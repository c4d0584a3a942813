package org.mailroom.db;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Tells the pool which errors mean the connection is dead for good. When its disk fills up, H2 closes the database
 * and every pooled connection answers "the database has been closed" (90098) forever, an error the pool does not
 * know; evicted, the next connection opens the database again, so the service recovers by itself once space is back.
 */
public final class DeadConnections implements SQLExceptionOverride {
    private static final int H2_DATABASE_IS_CLOSED = 90098;
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_DATABASE_CALLED_AT_SHUTDOWN = 90121;

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && dead(s.getErrorCode())) return Override.MUST_EVICT;
            if (t.getCause() == t) break;
        }
        return Override.CONTINUE_EVICT;
    }

    private static boolean dead(int code) {
        return code == H2_DATABASE_IS_CLOSED || code == H2_CONNECTION_BROKEN || code == H2_DATABASE_CALLED_AT_SHUTDOWN;
    }
}
