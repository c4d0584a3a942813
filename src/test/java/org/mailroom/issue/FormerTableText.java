package org.mailroom.issue;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * TableText as it was before it was made faster: the reference the current code must match.
 *
 * A table in the text part: aligned columns when they fit the line, else one "header: value" record per
 * row, which stays readable at any width.
 */
final class FormerTableText {
    private FormerTableText() {}

    static void write(Element table, FormerTextLayout layout, FormerLinkNumbers links, int width) {
        List<List<String>> rows = new ArrayList<>();
        boolean header = false;
        for (Element tr : table.select("tr")) {
            if (owner(tr) != table) continue;
            List<String> cells = new ArrayList<>();
            for (Element cell : tr.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) cells.add(FormerPlainText.cell(cell, links));
            }
            if (rows.isEmpty()) header = !tr.select("th").isEmpty();
            if (!cells.isEmpty()) rows.add(cells);
        }
        if (rows.isEmpty()) return;
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> r : rows)
            for (int i = 0; i < r.size(); i++) widths[i] = Math.max(widths[i], r.get(i).length());
        int total = 3 * (columns - 1);
        for (int w : widths) total += w;
        if (total <= width - 4) columns(rows, widths, header, layout);
        else records(rows, header, layout);
    }

    /** The table a row belongs to (rows of nested tables are theirs, not ours). */
    private static Element owner(Element tr) {
        Element e = tr.parent();
        while (e != null && !e.normalName().equals("table")) e = e.parent();
        return e;
    }

    private static void columns(List<List<String>> rows, int[] widths, boolean header, FormerTextLayout layout) {
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String c = i < rows.get(r).size() ? rows.get(r).get(i) : "";
                if (i > 0) line.append(" | ");
                line.append(c).append(" ".repeat(widths[i] - c.length()));
            }
            layout.verbatim(line.toString());
            if (r == 0 && header) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < widths.length; i++) rule.append(i > 0 ? "-+-" : "").append("-".repeat(widths[i]));
                layout.verbatim(rule.toString());
            }
        }
    }

    private static void records(List<List<String>> rows, boolean header, FormerTextLayout layout) {
        List<String> names = header ? rows.get(0) : List.of();
        for (int r = header ? 1 : 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                String name = i < names.size() && !names.get(i).isEmpty() ? names.get(i) + ": " : "";
                layout.paragraph(name + row.get(i));
            }
            layout.blank();
        }
    }
}
