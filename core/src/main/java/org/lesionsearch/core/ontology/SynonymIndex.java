package org.lesionsearch.core.ontology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the term a word means (by name or synonym, in any case, plural, hyphenation or spacing)
 * and suggests known words close to an unknown one.
 */
final class SynonymIndex {

    /** A word users may type, with its key and the term it means. */
    private record Entry(String word, String key, String compactKey, OntologyTerm term) {
    }

    private final Map<String, OntologyTerm> byKey = new HashMap<>();
    private final Map<String, OntologyTerm> byCompactKey = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> words = new HashSet<>();

    SynonymIndex(List<OntologyTerm> terms) {
        // Names first, so that a synonym shared by two terms ("iliac lymph node") never hides a name.
        for (OntologyTerm term : terms) {
            add(term.name(), term);
        }
        for (OntologyTerm term : terms) {
            for (String synonym : term.synonyms()) {
                add(synonym, term);
            }
        }
    }

    private void add(String word, OntologyTerm term) {
        String key = TermKeys.key(word);
        if (key.isEmpty()) {
            return;
        }
        String compact = key.replace(" ", "");
        byKey.putIfAbsent(key, term);
        byCompactKey.putIfAbsent(compact, term);
        if (words.add(word.toLowerCase(Locale.ROOT))) {
            entries.add(new Entry(word, key, compact, term));
        }
    }

    Optional<OntologyTerm> resolve(String word) {
        String key = TermKeys.key(word);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        OntologyTerm term = byKey.get(key);
        return term != null ? Optional.of(term) : Optional.ofNullable(byCompactKey.get(key.replace(" ", "")));
    }

    /**
     * Known words that start with the given one or lie within a few edits of it, best first: exact
     * and prefix matches, then by edit distance, shorter words and more frequent terms first.
     */
    List<String> suggest(String word, int max) {
        if (max <= 0) {
            return List.of();
        }
        String key = TermKeys.key(word);
        if (key.isEmpty()) {
            return List.of();
        }
        String compact = key.replace(" ", "");
        int allowed = compact.length() <= 4 ? 1 : compact.length() <= 8 ? 2 : 3;
        record Scored(Entry entry, int rank) {
        }
        Map<String, Scored> best = new LinkedHashMap<>();
        for (Entry entry : entries) {
            int rank;
            if (compact.length() >= 2 && entry.compactKey().startsWith(compact)) {
                rank = 0;
            } else {
                int distance = EditDistance.between(compact, entry.compactKey(), allowed);
                if (distance > allowed) {
                    continue;
                }
                rank = distance;
            }
            String dedupe = entry.compactKey();
            Scored previous = best.get(dedupe);
            if (previous == null || previous.rank() > rank) {
                best.put(dedupe, new Scored(entry, rank));
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingInt(Scored::rank)
                        .thenComparingInt(s -> s.entry().compactKey().length())
                        .thenComparing(s -> -s.entry().term().timesDetected())
                        .thenComparing(s -> s.entry().word()))
                .limit(max)
                .map(s -> s.entry().word())
                .toList();
    }
}
