package org.mailroom.issue.inline;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Decides whether one compiled selector matches an element of a document. */
interface ElementMatcher {
    boolean matches(Document doc, Element element);

    /** Drops whatever was remembered about the document just inlined. */
    default void forgetDocument() {
    }
}
