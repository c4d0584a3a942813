package org.mailroom.delivery;

import org.mailroom.MailroomException;

/** A campaign cannot be created, found or moved; the message names the campaign. */
public class DeliveryException extends MailroomException {
    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
