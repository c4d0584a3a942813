package org.mailroom.delivery;

/** The relay could not be reached or refused the session (connect, greeting, TLS or AUTH failed). */
public final class RelayUnreachableException extends Exception {
    public RelayUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
