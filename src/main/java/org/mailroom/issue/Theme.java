package org.mailroom.issue;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The newsletter theme: {@code templates/email.html.mustache} and {@code templates/email.txt.mustache}
 * from the classpath, compiled once. The text template uses triple braces only: nothing in it is HTML.
 */
final class Theme {
    static final String HTML = "email.html.mustache";
    static final String TEXT = "email.txt.mustache";
    private final Mustache html;
    private final Mustache text;

    Theme() {
        DefaultMustacheFactory factory = new DefaultMustacheFactory("templates");
        this.html = factory.compile(HTML);
        this.text = factory.compile(TEXT);
    }

    String html(Map<String, Object> scope) {
        return execute(html, scope);
    }

    String text(Map<String, Object> scope) {
        return execute(text, scope);
    }

    private static String execute(Mustache m, Map<String, Object> scope) {
        StringWriter w = new StringWriter(64 * 1024);
        try {
            m.execute(w, scope).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
