package org.mailroom.db;

import org.mailroom.MailroomException;

/** The database could not be opened, migrated or queried; the message names the database and the query. */
public final class DatabaseException extends MailroomException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }
}
