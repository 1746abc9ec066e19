package nl.loket.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What differs between two versions of an article: per changed field the old and new value, and for the body the
 * lines, each marked {@code "  "} (kept), {@code "- "} (removed) or {@code "+ "} (added).
 */
record VersionDiff(String articleId, int from, int to, List<FieldChange> changes) {

    record FieldChange(String field, Object from, Object to, List<String> lines) {
    }

    static VersionDiff between(String articleId, int from, Article a, int to, Article b) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "topic", a.topic(), b.topic());
        add(changes, "language", a.language(), b.language());
        add(changes, "title", a.title(), b.title());
        add(changes, "summary", a.summary(), b.summary());
        if (!Objects.equals(a.body(), b.body())) {
            changes.add(new FieldChange("body", a.body(), b.body(), lines(a.body(), b.body())));
        }
        add(changes, "source", a.source(), b.source());
        add(changes, "lastReviewed", String.valueOf(a.lastReviewed()), String.valueOf(b.lastReviewed()));
        add(changes, "related", a.related(), b.related());
        add(changes, "examples", a.examples(), b.examples());
        add(changes, "keywords", a.keywords(), b.keywords());
        return new VersionDiff(articleId, from, to, List.copyOf(changes));
    }

    private static void add(List<FieldChange> changes, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changes.add(new FieldChange(field, a, b, List.of()));
        }
    }

    /** A line diff by longest common subsequence; articles are short, so the quadratic table is small. */
    static List<String> lines(String before, String after) {
        String[] x = before.split("\\R", -1);
        String[] y = after.split("\\R", -1);
        int[][] common = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            for (int j = y.length - 1; j >= 0; j--) {
                common[i][j] = x[i].equals(y[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i].equals(y[j])) {
                out.add("  " + x[i++]);
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add("- " + x[i++]);
            } else {
                out.add("+ " + y[j++]);
            }
        }
        while (i < x.length) {
            out.add("- " + x[i++]);
        }
        while (j < y.length) {
            out.add("+ " + y[j++]);
        }
        return out;
    }
}
