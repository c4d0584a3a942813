package org.mailroom.subscriber;

/**
 * How the subscriber feature sends its own emails (the confirmation). Declared here so the feature does not depend
 * on SMTP; {@code org.mailroom.smtp.TransportMailer} implements it.
 */
public interface Mailer {
    /** Sends one email with a text and an HTML part; throws {@link org.mailroom.MailroomException} when it cannot. */
    void send(OutgoingMail mail);

    /**
     * One email to one person. Values are checked by the implementation (no CR/LF in header values).
     *
     * @param toName display name or null
     */
    record OutgoingMail(String to, String toName, String subject, String text, String html) {}
}
