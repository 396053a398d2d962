package org.lesionsearch.server.api.labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.core.ontology.OntologyTerm;

/**
 * Completes a partly typed word to the ontology's terms and synonyms ("hypo" offers "hypodense",
 * a synonym of hypoattenuation): what the search box offers while the user types. A term's own
 * name and its shortest synonym with the prefix are offered; terms the model predicts and terms
 * radiologists wrote more often come first. Thread-safe.
 */
public final class LabelSuggester {

    /** One completion: the words to insert and the ontology term they mean. */
    public record Suggestion(String text, String term, String labelClass, boolean modelLabel) {
    }

    private record Entry(String key, String text, OntologyTerm term) {
    }

    private final List<Entry> entries;

    public LabelSuggester(LesionOntology ontology) {
        List<Entry> all = new ArrayList<>();
        for (OntologyTerm term : ontology.terms()) {
            Set<String> seen = new HashSet<>();
            for (String text : names(term)) {
                String key = key(text);
                if (!key.isEmpty() && seen.add(key)) {
                    all.add(new Entry(key, text.trim(), term));
                }
            }
        }
        this.entries = List.copyOf(all);
    }

    private static List<String> names(OntologyTerm term) {
        List<String> out = new ArrayList<>();
        out.add(term.name());
        out.addAll(term.synonyms());
        return out;
    }

    /** Lower case, hyphens and runs of spaces as one space, so that "Left-lower" finds "left lower lobe". */
    static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ").trim();
    }

    /**
     * @param prefix what the user typed of the word (at least one letter)
     * @param only a class to keep to ({@code part:} completes body parts), or {@code null} for any
     * @param max most suggestions
     */
    public List<Suggestion> suggest(String prefix, LabelClass only, int max) {
        String p = key(prefix);
        if (p.isEmpty() || max < 1) {
            return List.of();
        }
        List<Entry> matches = new ArrayList<>();
        for (Entry e : entries) {
            if ((only == null || e.term.labelClass() == only) && startsWithWord(e.key, p)) {
                matches.add(e);
            }
        }
        // per term: its name when it matches, and its shortest matching synonym
        matches.sort(Comparator.comparing((Entry e) -> !e.key.startsWith(p))
                .thenComparing(e -> !e.term.isModelLabel())
                .thenComparing(Comparator.comparingInt((Entry e) -> e.term.timesDetected()).reversed())
                .thenComparing(e -> e.term.name())
                .thenComparing(e -> !e.text.equalsIgnoreCase(e.term.name()))
                .thenComparingInt(e -> e.text.length())
                .thenComparing(e -> e.key));
        List<Suggestion> out = new ArrayList<>();
        Set<String> names = new HashSet<>(), synonyms = new HashSet<>(), texts = new HashSet<>();
        for (Entry e : matches) {
            boolean isName = e.text.equalsIgnoreCase(e.term.name());
            if (!(isName ? names.add(e.term.name()) : synonyms.add(e.term.name())) || !texts.add(e.key)) {
                continue;
            }
            out.add(new Suggestion(e.text, e.term.name(), e.term.labelClass().csvName(), e.term.isModelLabel()));
            if (out.size() == max) {
                break;
            }
        }
        return out;
    }

    /** Whether the text, or one of its later words, starts with the prefix ("lobe" finds "right lower lobe" too). */
    private static boolean startsWithWord(String text, String prefix) {
        if (text.startsWith(prefix)) {
            return true;
        }
        for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
            if (text.startsWith(prefix, i + 1)) {
                return true;
            }
        }
        return false;
    }
}
