package org.mailroom.config;

import org.mailroom.MailroomException;

/** A configuration value that is unknown, malformed or missing; the message names the key and its source. */
public final class ConfigException extends MailroomException {
    public ConfigException(String message) {
        super(message);
    }
}
