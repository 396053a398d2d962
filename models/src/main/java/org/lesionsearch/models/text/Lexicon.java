package org.lesionsearch.models.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.core.ontology.OntologyTerm;

/**
 * Every name and synonym of the ontology as a sequence of analysed words, for whole-word matching
 * over sentences. Besides the phrases the ontology lists, it knows a few regular variants of them:
 * "X lymphadenopathy" for "X adenopathy", "head of (the) pancreas" for "pancreatic head" (a part
 * named after its organ), and "juxtapleural" for a body part touched ("juxta" + "pleural").
 */
public final class Lexicon {

    private static final String ADENOPATHY = "adenopathy";
    private static final String JUXTA = "juxta";
    private static final String ADVERB_SUFFIX = "ly";
    private static final Set<String> COORDINATORS = Set.of("and", "or");

    private final Map<List<String>, String> labelByPhrase = new HashMap<>();
    private final Set<String> words = new HashSet<>();
    private final boolean variants;
    private final boolean adverbs;
    private int longestPhrase;

    public Lexicon(LesionOntology ontology, Analyzer analyzer, ReportTextNormalizer normalizer) {
        this(ontology, analyzer, normalizer, true, true);
    }

    /**
     * @param variants whether to add the regular variants of listed phrases and find terms whose
     *                 head is shared by "and"/"or"
     * @param adverbs  whether an adverb reads as its adjective ("heterogeneously")
     */
    public Lexicon(LesionOntology ontology, Analyzer analyzer, ReportTextNormalizer normalizer, boolean variants,
                   boolean adverbs) {
        this.variants = variants;
        this.adverbs = adverbs;
        List<OntologyTerm> terms = ontology.terms();
        for (OntologyTerm term : terms) {
            add(phrase(term.name(), analyzer, normalizer), term.name());
        }
        for (OntologyTerm term : terms) {
            for (String synonym : term.synonyms()) {
                add(phrase(synonym, analyzer, normalizer), term.name());
            }
        }
        if (variants) {
            for (OntologyTerm term : terms) {
                addVariants(term, ontology, analyzer, normalizer);
            }
        }
    }

    private static List<String> phrase(String text, Analyzer analyzer, ReportTextNormalizer normalizer) {
        return TokenizedSentence.analyze(analyzer, normalizer.normalize(text)).terms();
    }

    private void add(List<String> phrase, String label) {
        if (phrase.isEmpty() || labelByPhrase.putIfAbsent(phrase, label) != null) {
            return;
        }
        words.addAll(phrase);
        longestPhrase = Math.max(longestPhrase, phrase.size());
    }

    private void addVariants(OntologyTerm term, LesionOntology ontology, Analyzer analyzer,
                             ReportTextNormalizer normalizer) {
        Set<String> ancestors = ontology.ancestors(term);
        for (String synonym : term.synonyms()) {
            List<String> phrase = phrase(synonym, analyzer, normalizer);
            if (phrase.size() >= 2 && phrase.getLast().equals(ADENOPATHY)) {
                List<String> variant = new ArrayList<>(phrase);
                variant.set(variant.size() - 1, "lymph" + ADENOPATHY);
                add(variant, term.name());
            }
            if (phrase.size() == 2 && term.labelClass() == LabelClass.BODY_PART) {
                String organ = labelByPhrase.get(List.of(phrase.getFirst()));
                String part = phrase.get(1);
                if (organ != null && ancestors.contains(organ) && !labelByPhrase.containsKey(List.of(part))) {
                    for (String organWord : ontology.term(organ).orElseThrow().synonyms()) {
                        List<String> organPhrase = phrase(organWord, analyzer, normalizer);
                        if (organPhrase.size() == 1) {
                            add(List.of(part, "of", organPhrase.getFirst()), term.name());
                        }
                    }
                }
            }
            if (phrase.size() == 1 && term.labelClass() == LabelClass.BODY_PART) {
                add(List.of(JUXTA + phrase.getFirst()), term.name());
            }
        }
    }

    /** The label a phrase of analysed words means exactly, if any. */
    public String label(List<String> phrase) {
        return labelByPhrase.get(phrase);
    }

    public int size() {
        return labelByPhrase.size();
    }

    /**
     * Every mention of a term in the sentence, not crossing punctuation. A mention inside a longer
     * one ("adenopathy" in "mediastinal adenopathy") is marked nested; overlapping mentions where
     * neither covers the other ("right pulmonary" and "pulmonary artery") are both kept.
     */
    public List<Mention> find(TokenizedSentence sentence) {
        List<String> terms = new ArrayList<>(sentence.size());
        for (Token token : sentence.tokens()) {
            terms.add(lexiconWord(token.term()));
        }
        List<Mention> found = new ArrayList<>();
        for (int from = 0; from < terms.size(); from++) {
            for (int to = Math.min(terms.size(), from + longestPhrase); to > from; to--) {
                if (!sentence.withinClause(from, to)) {
                    continue;
                }
                String label = labelByPhrase.get(terms.subList(from, to));
                if (label != null) {
                    found.add(new Mention(label, from, to, sentence.surface(from, to), false));
                }
            }
        }
        if (variants) {
            found.addAll(elliptic(sentence, terms, found));
        }
        List<Mention> marked = new ArrayList<>(found.size());
        for (Mention mention : found) {
            boolean nested = found.stream().anyMatch(other -> other.covers(mention));
            marked.add(nested ? new Mention(mention.label(), mention.from(), mention.to(), mention.words(), true) : mention);
        }
        return marked;
    }

    /**
     * Terms whose head word is written once for two modifiers joined by "and" or "or": "abdominal
     * and pelvic wall" mentions "abdominal wall" too. The words before the conjunction must make a
     * term with the shared head, so "pleural and chest wall" adds nothing ("pleural wall" is none).
     */
    private List<Mention> elliptic(TokenizedSentence sentence, List<String> terms, List<Mention> found) {
        List<Mention> elliptic = new ArrayList<>();
        for (Mention second : found) {
            int conjunction = second.from() - 1;
            if (conjunction < 1 || !COORDINATORS.contains(terms.get(conjunction))
                    || !sentence.withinClause(conjunction - 1, second.from() + 1)) {
                continue;
            }
            List<String> secondWords = terms.subList(second.from(), second.to());
            for (int headLength = secondWords.size() - 1; headLength >= 1; headLength--) {
                List<String> head = secondWords.subList(secondWords.size() - headLength, secondWords.size());
                Mention first = longestBefore(sentence, terms, conjunction, head);
                if (first != null) {
                    elliptic.add(first);
                    break;
                }
            }
        }
        return elliptic;
    }

    private Mention longestBefore(TokenizedSentence sentence, List<String> terms, int conjunction, List<String> head) {
        for (int from = Math.max(0, conjunction - (longestPhrase - head.size())); from < conjunction; from++) {
            if (!sentence.withinClause(from, conjunction)) {
                continue;
            }
            List<String> phrase = new ArrayList<>(terms.subList(from, conjunction));
            phrase.addAll(head);
            String label = labelByPhrase.get(phrase);
            if (label != null) {
                return new Mention(label, from, conjunction, sentence.surface(from, conjunction) + " (" + String.join(" ", head) + ")", false);
            }
        }
        return null;
    }

    /** An adverb made from a lexicon adjective reads as the adjective ("heterogeneously"). */
    private String lexiconWord(String word) {
        if (adverbs && !words.contains(word) && word.endsWith(ADVERB_SUFFIX) && word.length() > 5) {
            String adjective = word.substring(0, word.length() - ADVERB_SUFFIX.length());
            if (words.contains(adjective)) {
                return adjective;
            }
        }
        return word;
    }
}
