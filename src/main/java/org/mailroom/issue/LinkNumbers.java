package org.mailroom.issue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Numbers for the links of a text part: one number per URL, listed once, after the section that first used it. */
final class LinkNumbers {
    /** Sized for an issue's few hundred links, so that it is not rehashed as it fills. */
    private final Map<String, Integer> numbers = new HashMap<>(512);
    private List<Map.Entry<Integer, String>> pending = new ArrayList<>();

    int number(String url) {
        Integer n = numbers.get(url);
        if (n != null) return n;
        int next = numbers.size() + 1;
        numbers.put(url, next);
        pending.add(Map.entry(next, url));
        return next;
    }

    List<Map.Entry<Integer, String>> takePending() {
        if (pending.isEmpty()) return List.of();
        List<Map.Entry<Integer, String>> taken = pending;  // handed over, not copied: no one else holds it
        pending = new ArrayList<>();
        return taken;
    }
}
