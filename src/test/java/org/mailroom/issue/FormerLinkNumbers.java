package org.mailroom.issue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** LinkNumbers as it was before it was made faster, the reference the current code must match. Numbers for the links of a text part: one number per URL, listed once, after the section that first used it. */
final class FormerLinkNumbers {
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<Map.Entry<Integer, String>> pending = new ArrayList<>();

    int number(String url) {
        Integer n = numbers.get(url);
        if (n != null) return n;
        int next = numbers.size() + 1;
        numbers.put(url, next);
        pending.add(Map.entry(next, url));
        return next;
    }

    List<Map.Entry<Integer, String>> takePending() {
        List<Map.Entry<Integer, String>> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }
}
