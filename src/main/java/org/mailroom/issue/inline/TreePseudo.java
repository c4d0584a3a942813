package org.mailroom.issue.inline;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Locale;

/**
 * The argument-free structural pseudo-classes, as Chromium evaluates them: the root element is a
 * first (and only) child, and {@code :empty} allows comments but not even whitespace (jsoup's
 * {@code :empty} ignores whitespace, so such selectors never go to jsoup).
 */
enum TreePseudo {
    FIRST_CHILD, LAST_CHILD, ONLY_CHILD, FIRST_OF_TYPE, LAST_OF_TYPE, ONLY_OF_TYPE, EMPTY;

    /** The pseudo-class named (without the colon), or null if it is not one of these. */
    static TreePseudo named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean matches(Element e) {
        return switch (this) {
            case FIRST_CHILD -> e.previousElementSibling() == null;
            case LAST_CHILD -> e.nextElementSibling() == null;
            case ONLY_CHILD -> e.previousElementSibling() == null && e.nextElementSibling() == null;
            case FIRST_OF_TYPE -> sameType(e, -1) == null;
            case LAST_OF_TYPE -> sameType(e, 1) == null;
            case ONLY_OF_TYPE -> sameType(e, -1) == null && sameType(e, 1) == null;
            case EMPTY -> isEmpty(e);
        };
    }

    private static Element sameType(Element e, int direction) {
        Element s = direction < 0 ? e.previousElementSibling() : e.nextElementSibling();
        while (s != null && !s.normalName().equals(e.normalName())) {
            s = direction < 0 ? s.previousElementSibling() : s.nextElementSibling();
        }
        return s;
    }

    private static boolean isEmpty(Element e) {
        for (Node child : e.childNodes()) {
            if (child instanceof Comment) continue;
            if (child instanceof TextNode text && text.getWholeText().isEmpty()) continue;
            return false;
        }
        return true;
    }
}
