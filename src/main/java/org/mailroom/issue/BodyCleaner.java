package org.mailroom.issue;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * jsoup's {@link Cleaner}, giving the same clean document, with the safelist's answers kept. jsoup asks the safelist
 * about every element and attribute afresh (making objects for each question), copies all of an element's attributes
 * to drop most of them again, and builds the tag's enforced attributes for every element: half of its time on a TWiR
 * issue. The walk, what it keeps, and the order and values of what it keeps are jsoup's. Answers are kept per tag
 * and attribute name; for the URL attributes, per tag, name and scheme where {@link BaselessSafelist} decides on the
 * scheme alone (http and https), otherwise the protocol is checked on the value each time. What this
 * does not copy takes jsoup's own cleaner: a tag with enforced attributes, and a base URI (the clean copy would carry it).
 */
final class BodyCleaner {
    /** The attributes whose value the safelist checks (their protocol): any other attribute's answer is its name's. */
    static final Set<String> URL_KEYS = Set.of("href", "src", "cite");
    /** jsoup's key for an element's own base URI, set where a {@code <base href>} or a caller gave one. */
    private static final String BASE_URI_KEY = "/baseUri";
    /** Made-up tag and attribute names must not grow the kept answers without end. */
    private static final int MAX_KEPT = 1000;

    private final Safelist safelist;
    private final Cleaner jsoup;
    private final Map<String, TagRule> tags = new ConcurrentHashMap<>();

    /**
     * The safelist's answers for one tag name: whether it is kept, and for each attribute name seen, whether that is;
     * for a URL attribute with an http or https scheme, whether it is with that scheme.
     */
    private record TagRule(boolean safe, boolean enforces, Map<String, Boolean> attributes, Map<String, Boolean> http,
                           Map<String, Boolean> https) {}

    BodyCleaner(Safelist safelist) {
        this.safelist = safelist;
        this.jsoup = new Cleaner(safelist);
    }

    /** As {@link Cleaner#clean}: a new document holding what the safelist allows of the dirty body; the dirty one is not changed. */
    Document clean(Document dirty) {
        if (!dirty.body().baseUri().isEmpty()) return jsoup.clean(dirty);
        Document clean = Document.createShell("");
        if (!copySafeNodes(dirty.body(), clean.body())) return jsoup.clean(dirty);
        clean.outputSettings(dirty.outputSettings().clone());
        return clean;
    }

    boolean isSafeTag(String normalName) {
        return rule(normalName).safe();
    }

    /**
     * jsoup's cleaning visitor, as one loop: the tree's depth must not overflow the stack. False, with the copy
     * unfinished, where jsoup's cleaner must do it.
     */
    private boolean copySafeNodes(Element root, Element destination) {
        Element into = destination;
        Node node = root;
        int depth = 0;
        while (true) {
            if (node instanceof Element e) {
                TagRule rule = rule(e.normalName());
                if (rule.enforces() || e.hasAttr(BASE_URI_KEY)) return false;
                if (rule.safe()) {
                    Element copy = new Element(e.tag(), null, safeAttributes(e, rule));
                    into.appendChild(copy);
                    into = copy;
                }
            } else if (node instanceof TextNode t) {
                into.appendChild(new TextNode(t.getWholeText()));  // a CDATA section too, as plain text
            } else if (node instanceof DataNode d && rule(d.parent().normalName()).safe()) {
                into.appendChild(new DataNode(d.getWholeData()));
            }  // comments, doctypes, XML declarations go
            if (node.childNodeSize() > 0) {
                node = node.childNode(0);
                depth++;
                continue;
            }
            while (true) {
                if (node instanceof Element e && rule(e.normalName()).safe()) into = into.parent();
                if (depth == 0) return true;
                Node next = node.nextSibling();
                if (next != null) {
                    node = next;
                    break;
                }
                node = node.parentNode();
                depth--;
            }
        }
    }

    /** The element's attributes the safelist allows, in their order, each as its value reads (a boolean one as ""). */
    private Attributes safeAttributes(Element e, TagRule rule) {
        if (e.attributesSize() == 0) return null;
        String tagName = e.tagName();
        boolean keep = tagName.equals(e.normalName());  // the safelist reads the tag name as given
        Attributes safe = new Attributes();
        for (Attribute a : e.attributes()) {
            String key = a.getKey();
            // The safelist reads the key in lower case ("HREF" is href, checked on its value): so must the choice of map.
            boolean url = URL_KEYS.contains(org.jsoup.internal.Normalizer.lowerCase(key));
            Map<String, Boolean> kept = !keep ? null : !url ? rule.attributes() : byScheme(rule, a.getValue());
            Boolean ok = kept == null ? null : kept.get(key);
            if (ok == null) {
                ok = safelist.isSafeAttribute(tagName, e, a);
                if (kept != null && kept.size() < MAX_KEPT) kept.put(key, ok);
            }
            if (ok) safe.put(key, a.getValue());
        }
        return safe;
    }

    /**
     * Where a URL attribute's answer is kept: BaselessSafelist decides an http or https URL on its scheme alone (no base
     * URI here, and no enforced attribute: both take jsoup's cleaner). Null where the value must be checked.
     */
    private Map<String, Boolean> byScheme(TagRule rule, String url) {
        if (!(safelist instanceof BaselessSafelist)) return null;
        String scheme = BaselessSafelist.schemeOf(url);
        return scheme == null ? null : scheme.equals("https:") ? rule.https() : rule.http();
    }

    private TagRule rule(String normalName) {
        TagRule rule = tags.get(normalName);
        if (rule == null) {
            if (tags.size() > MAX_KEPT) tags.clear();
            rule = new TagRule(safelist.isSafeTag(normalName), !safelist.getEnforcedAttributes(normalName).isEmpty(),
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
            tags.put(normalName, rule);
        }
        return rule;
    }
}
