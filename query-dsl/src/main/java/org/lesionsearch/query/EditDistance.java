package org.lesionsearch.query;

import java.util.Comparator;
import java.util.List;

/** Closest names to a misspelt one, for "did you mean" hints on fields and sort orders. */
final class EditDistance {

    private EditDistance() {
    }

    /** Up to {@code max} of {@code names} within two edits of {@code word} (or starting with it), closest first. */
    static List<String> closest(String word, List<String> names, int max) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        return names.stream()
                .filter(n -> distance(w, n) <= 2 || (!w.isEmpty() && n.startsWith(w)))
                .sorted(Comparator.comparingInt((String n) -> distance(w, n)).thenComparing(n -> n))
                .limit(max).toList();
    }

    /** Optimal string alignment distance (Levenshtein with transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
