package org.mailroom.subscriber;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * The double opt-in email, from the mustache templates {@code templates/confirm.txt.mustache} and
 * {@code templates/confirm.html.mustache}. The HTML part escapes every value; the text part does not need to.
 */
public final class ConfirmationEmail {
    private final String newsletter;
    private final Mustache text;
    private final Mustache html;

    public ConfirmationEmail(String newsletterName) {
        this.newsletter = newsletterName;
        this.html = new DefaultMustacheFactory("templates").compile("confirm.html.mustache");
        this.text = plainFactory().compile("confirm.txt.mustache");
    }

    public Mailer.OutgoingMail build(Subscriber s, String confirmLink) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("newsletter", newsletter);
        scope.put("name", s.name());
        scope.put("email", s.email());
        scope.put("link", confirmLink);
        return new Mailer.OutgoingMail(s.email(), s.name(), "Confirm your subscription to " + newsletter,
            render(text, scope), render(html, scope));
    }

    private static String render(Mustache m, Map<String, Object> scope) {
        StringWriter w = new StringWriter();
        m.execute(w, scope);
        return w.toString();
    }

    /** Plain text must not get HTML entities: "Tom &amp; Jerry" would be wrong there. */
    private static MustacheFactory plainFactory() {
        return new DefaultMustacheFactory("templates") {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
