package org.lesionsearch.core.ontology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * The LesaNet lesion ontology: 333 terms (body parts, types, attributes) with synonyms, a
 * part-of / is-a hierarchy and mutually exclusive pairs, linked to the 171 labels the labeler
 * predicts.
 *
 * <p>The hierarchy is the union of both directions the source declares (a child listing its
 * parent, a parent listing its child). Some relations name terms the source does not define
 * ("neoplasm", "artery"); such names take part in the hierarchy and in parent expansion, as the
 * hand-labelled LesaNet data expects, but are not {@linkplain #terms() terms}.
 */
public final class LesionOntology {

    private static final String ONTOLOGY_RESOURCE = "lesion_ontology.csv";

    private final List<OntologyTerm> terms;
    private final Map<String, OntologyTerm> byLowerName;
    private final Map<String, String> canonicalNames;
    private final Map<String, List<String>> parents;
    private final Map<String, List<String>> children;
    private final Map<String, Set<String>> exclusive;
    private final Map<String, Set<String>> ancestorsOf;
    private final Map<String, Set<String>> descendantsOf;
    private final LabelVocabulary vocabulary;
    private final SynonymIndex synonyms;

    private LesionOntology(List<OntologyTerm> terms, Map<String, String> canonicalNames,
                           Map<String, List<String>> parents, Map<String, List<String>> children,
                           Map<String, Set<String>> exclusive, LabelVocabulary vocabulary) {
        this.terms = List.copyOf(terms);
        Map<String, OntologyTerm> lower = new HashMap<>();
        for (OntologyTerm term : terms) {
            lower.put(term.name().toLowerCase(Locale.ROOT), term);
        }
        this.byLowerName = Collections.unmodifiableMap(lower);
        this.canonicalNames = Map.copyOf(canonicalNames);
        this.parents = parents;
        this.children = children;
        this.exclusive = exclusive;
        this.ancestorsOf = closures(parents);
        this.descendantsOf = closures(children);
        this.vocabulary = vocabulary;
        this.synonyms = new SynonymIndex(this.terms);
    }

    /** The ontology shipped in this jar, loaded once. */
    public static LesionOntology lesaNet() {
        return Holder.DEFAULT;
    }

    /**
     * Reads an ontology CSV ({@code id,class,term,synonyms,num_detected,term_exclusive,term_parents,
     * term_children}) and links it to a label vocabulary, every label of which must be a term.
     *
     * @param source a name for the stream, used in error messages
     */
    public static LesionOntology read(InputStream ontologyCsv, String source, LabelVocabulary vocabulary)
            throws IOException {
        List<OntologyCsvReader.Row> rows = OntologyCsvReader.read(ontologyCsv, source);
        Map<String, String> canonical = canonicalNames(rows, vocabulary, source);
        Function<String, String> name = n -> canonical.getOrDefault(n.toLowerCase(Locale.ROOT), n);

        Map<String, Set<String>> parentSets = new LinkedHashMap<>();
        Map<String, Set<String>> childSets = new LinkedHashMap<>();
        Map<String, Set<String>> exclusiveSets = new LinkedHashMap<>();
        for (OntologyCsvReader.Row row : rows) {
            String term = name.apply(row.term());
            for (String parent : row.parents()) {
                link(parentSets, childSets, name.apply(parent), term);
            }
            for (String child : row.children()) {
                link(parentSets, childSets, term, name.apply(child));
            }
            for (String other : row.exclusive()) {
                String otherName = name.apply(other);
                if (!otherName.equals(term)) {
                    exclusiveSets.computeIfAbsent(term, k -> new LinkedHashSet<>()).add(otherName);
                    exclusiveSets.computeIfAbsent(otherName, k -> new LinkedHashSet<>()).add(term);
                }
            }
        }
        Map<String, List<String>> parents = freezeLists(parentSets);
        Map<String, List<String>> children = freezeLists(childSets);
        requireAcyclic(parents, source);

        List<OntologyTerm> terms = new ArrayList<>(rows.size());
        Set<String> seen = new HashSet<>();
        for (OntologyCsvReader.Row row : rows) {
            String term = name.apply(row.term());
            if (!seen.add(term.toLowerCase(Locale.ROOT))) {
                throw new IOException(source + " line " + row.line() + ": term '" + row.term() + "' appears twice");
            }
            OptionalInt labelIndex = vocabulary.indexOf(term).map(OptionalInt::of).orElse(OptionalInt.empty());
            if (labelIndex.isPresent() && vocabulary.labelClass(labelIndex.getAsInt()) != row.labelClass()) {
                throw new IOException(source + " line " + row.line() + ": term '" + term + "' is a "
                        + row.labelClass().csvName() + " but the label vocabulary calls it a "
                        + vocabulary.labelClass(labelIndex.getAsInt()).csvName());
            }
            terms.add(new OntologyTerm(row.id(), term, row.labelClass(), row.synonyms(), row.timesDetected(),
                    List.copyOf(exclusiveSets.getOrDefault(term, Set.of())),
                    parents.getOrDefault(term, List.of()), children.getOrDefault(term, List.of()), labelIndex));
        }
        Map<String, Set<String>> exclusive = new HashMap<>();
        exclusiveSets.forEach((k, v) -> exclusive.put(k, Set.copyOf(v)));
        return new LesionOntology(terms, canonical, parents, children, Map.copyOf(exclusive), vocabulary);
    }

    /** Lower-case spelling to canonical spelling: the vocabulary's for labels, else the term column's. */
    private static Map<String, String> canonicalNames(List<OntologyCsvReader.Row> rows, LabelVocabulary vocabulary,
                                                      String source) throws IOException {
        Map<String, String> canonical = new HashMap<>();
        for (OntologyCsvReader.Row row : rows) {
            canonical.putIfAbsent(row.term().toLowerCase(Locale.ROOT), row.term());
        }
        for (String label : vocabulary.terms()) {
            String lower = label.toLowerCase(Locale.ROOT);
            if (!canonical.containsKey(lower)) {
                throw new IOException(source + ": label '" + label + "' of the label vocabulary is not an ontology term");
            }
            canonical.put(lower, label);
        }
        return canonical;
    }

    private static void link(Map<String, Set<String>> parents, Map<String, Set<String>> children, String parent,
                             String child) {
        if (parent.equals(child)) {
            return;
        }
        parents.computeIfAbsent(child, k -> new LinkedHashSet<>()).add(parent);
        children.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(child);
    }

    private static Map<String, List<String>> freezeLists(Map<String, Set<String>> sets) {
        Map<String, List<String>> lists = new HashMap<>();
        sets.forEach((k, v) -> lists.put(k, List.copyOf(v)));
        return Map.copyOf(lists);
    }

    private static void requireAcyclic(Map<String, List<String>> parents, String source) throws IOException {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (String start : parents.keySet()) {
            Deque<Map.Entry<String, Integer>> stack = new ArrayDeque<>();
            if (state.containsKey(start)) {
                continue;
            }
            stack.push(Map.entry(start, 0));
            state.put(start, 1);
            while (!stack.isEmpty()) {
                Map.Entry<String, Integer> top = stack.pop();
                List<String> next = parents.getOrDefault(top.getKey(), List.of());
                if (top.getValue() < next.size()) {
                    stack.push(Map.entry(top.getKey(), top.getValue() + 1));
                    String parent = next.get(top.getValue());
                    Integer parentState = state.get(parent);
                    if (parentState != null && parentState == 1) {
                        throw new IOException(source + ": the hierarchy has a cycle through '" + parent + "' and '"
                                + top.getKey() + "'");
                    }
                    if (parentState == null) {
                        state.put(parent, 1);
                        stack.push(Map.entry(parent, 0));
                    }
                } else {
                    state.put(top.getKey(), 2);
                }
            }
        }
    }

    /** All 333 terms, in the order of the source file. */
    public List<OntologyTerm> terms() {
        return terms;
    }

    /** The labeler's 171 labels in output order. */
    public LabelVocabulary vocabulary() {
        return vocabulary;
    }

    /** The term with this name, in any letter case ("porta hepatis"); synonyms do not count here. */
    public Optional<OntologyTerm> term(String name) {
        return Optional.ofNullable(byLowerName.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * The term a word or phrase means, by name or synonym, whatever its letter case, plural,
     * hyphenation or spacing: "Hypodense", "lymph nodes", "right-lower-lobe", "gall bladder".
     */
    public Optional<OntologyTerm> resolve(String word) {
        return synonyms.resolve(word);
    }

    /** Up to {@code max} known words close to an unknown one (prefix or a few typing errors), best first. */
    public List<String> suggest(String word, int max) {
        return synonyms.suggest(word, max);
    }

    /**
     * Whether a name takes part in the ontology: a term, or a name its relations use without
     * defining it ("neoplasm").
     */
    public boolean isKnownName(String name) {
        return canonical(name).isPresent();
    }

    /**
     * The class of a term, or of a name relations use without defining it when all its children
     * (failing that, all its parents) share one: "neoplasm" is a type, "artery" a body part.
     */
    public Optional<LabelClass> labelClassOf(String name) {
        Optional<OntologyTerm> term = term(name);
        if (term.isPresent()) {
            return Optional.of(term.get().labelClass());
        }
        String known = requireCanonical(name);
        Optional<LabelClass> fromChildren = sharedClass(children.getOrDefault(known, List.of()));
        return fromChildren.isPresent() ? fromChildren : sharedClass(parents.getOrDefault(known, List.of()));
    }

    private Optional<LabelClass> sharedClass(List<String> names) {
        Set<LabelClass> classes = new HashSet<>();
        for (String name : names) {
            term(name).ifPresent(t -> classes.add(t.labelClass()));
        }
        return classes.size() == 1 ? Optional.of(classes.iterator().next()) : Optional.empty();
    }

    /**
     * Every ancestor of a term or relation name (nearest first), without the name itself.
     *
     * @throws IllegalArgumentException when the ontology does not know the name
     */
    public Set<String> ancestors(String name) {
        return ancestorsOf.getOrDefault(requireCanonical(name), Set.of());
    }

    public Set<String> ancestors(OntologyTerm term) {
        return ancestorsOf.getOrDefault(term.name(), Set.of());
    }

    /**
     * Every descendant of a term or relation name (nearest first), without the name itself.
     *
     * @throws IllegalArgumentException when the ontology does not know the name
     */
    public Set<String> descendants(String name) {
        return descendantsOf.getOrDefault(requireCanonical(name), Set.of());
    }

    public Set<String> descendants(OntologyTerm term) {
        return descendantsOf.getOrDefault(term.name(), Set.of());
    }

    /**
     * The labels with all their ancestors added, canonical names, the given labels first.
     *
     * @throws IllegalArgumentException naming the first label the ontology does not know
     */
    public Set<String> expandParents(Collection<String> labels) {
        Set<String> expanded = new LinkedHashSet<>();
        for (String label : labels) {
            expanded.add(requireCanonical(label));
        }
        for (String label : List.copyOf(expanded)) {
            expanded.addAll(ancestorsOf.getOrDefault(label, Set.of()));
        }
        return expanded;
    }

    /**
     * Pairs of the given labels that cannot both be true: the labels, or any of their ancestors,
     * are declared mutually exclusive. Each pair of labels is reported once, in the order given.
     *
     * @throws IllegalArgumentException naming the first label the ontology does not know
     */
    public List<ExclusiveConflict> exclusiveConflicts(Collection<String> labels) {
        List<String> given = new ArrayList<>(new LinkedHashSet<>(labels.stream().map(this::requireCanonical).toList()));
        List<List<String>> lineage = new ArrayList<>(given.size());
        for (String label : given) {
            List<String> self = new ArrayList<>();
            self.add(label);
            self.addAll(ancestorsOf.getOrDefault(label, Set.of()));
            lineage.add(self);
        }
        List<ExclusiveConflict> conflicts = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            for (int j = i + 1; j < given.size(); j++) {
                ExclusiveConflict conflict = firstConflict(given.get(i), lineage.get(i), given.get(j), lineage.get(j));
                if (conflict != null) {
                    conflicts.add(conflict);
                }
            }
        }
        return conflicts;
    }

    private ExclusiveConflict firstConflict(String first, List<String> firstLineage, String second,
                                            List<String> secondLineage) {
        if (firstLineage.contains(second) || secondLineage.contains(first)) {
            return null; // one is part of the other: never exclusive, even if an ancestor pair says so
        }
        for (String a : firstLineage) {
            Set<String> excluded = exclusive.getOrDefault(a, Set.of());
            for (String b : secondLineage) {
                if (excluded.contains(b)) {
                    return new ExclusiveConflict(first, second, a, b);
                }
            }
        }
        return null;
    }

    /** Whether two names are declared mutually exclusive (no ancestor reasoning). */
    public boolean areExclusive(String first, String second) {
        return exclusive.getOrDefault(requireCanonical(first), Set.of()).contains(requireCanonical(second));
    }

    /** The transitive closure of every name with edges, computed once: the hierarchy is small. */
    private static Map<String, Set<String>> closures(Map<String, List<String>> edges) {
        Map<String, Set<String>> closures = new HashMap<>();
        for (String name : edges.keySet()) {
            closures.put(name, closure(name, edges));
        }
        return Map.copyOf(closures);
    }

    private static Set<String> closure(String start, Map<String, List<String>> edges) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(edges.getOrDefault(start, List.of()));
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (!next.equals(start) && seen.add(next)) {
                queue.addAll(edges.getOrDefault(next, List.of()));
            }
        }
        return Collections.unmodifiableSet(seen);
    }

    private Optional<String> canonical(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        String known = canonicalNames.get(lower);
        if (known != null) {
            return Optional.of(known);
        }
        String trimmed = name.trim();
        return parents.containsKey(trimmed) || children.containsKey(trimmed) ? Optional.of(trimmed) : Optional.empty();
    }

    private String requireCanonical(String name) {
        return canonical(name).orElseThrow(() -> new IllegalArgumentException("unknown label '" + name
                + "': not a term of the lesion ontology" + hint(name)));
    }

    private String hint(String name) {
        List<String> close = suggest(name, 3);
        return close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
    }

    private static final class Holder {
        static final LesionOntology DEFAULT = load();

        private static LesionOntology load() {
            try (InputStream in = LesionOntology.class.getResourceAsStream(ONTOLOGY_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + ONTOLOGY_RESOURCE + " is missing from the core jar");
                }
                return read(in, ONTOLOGY_RESOURCE, LabelVocabulary.lesaNet171());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
