package org.mailroom.web;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The first part of a type in a received message, decoded, for the outbox viewer. */
final class MimeParts {
    private MimeParts() {}

    static String text(Part p, String type) {
        try {
            if (p.isMimeType(type)) return String.valueOf(p.getContent());
            if (p.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) p.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart b = mp.getBodyPart(i);
                    String found = text(b, type);
                    if (found != null) return found;
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
