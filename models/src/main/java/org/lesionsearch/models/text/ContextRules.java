package org.lesionsearch.models.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Rules that separate irrelevant and uncertain mentions from relevant ones, after the table of
 * regular expressions in Peng et al. (ICHI 2019): a trigger phrase ("no evidence of", "adjacent
 * to", "other", "possibly", "tail of") makes the labels in its scope irrelevant or uncertain.
 * Triggers inside a label's own words ("poorly defined", "tail of pancreas") do not count, and
 * pseudo-triggers ("no change") are not negations.
 */
public final class ContextRules {

    /** Words that end a {@link TriggerScope#PHRASE} scope: they start another phrase. */
    private static final List<String> PHRASE_ENDS = List.of("with", "without", "and", "or", "but", "that",
            "which", "in", "within", "containing", "measuring", "is", "are", "was", "were", "has", "have", "likely",
            "possibly", "probably", "compatible", "consistent", "suggestive", "however", "although", "while");
    /** Words that end a {@link TriggerScope#CLAUSE} scope. */
    private static final List<String> CLAUSE_ENDS = List.of("but", "however", "although", "though", "except",
            "whereas", "while", "which");
    /** How many words may separate a {@link TriggerScope#NEXT} trigger from its mention. */
    private static final int NEXT_GAP = 2;

    private record Phrase(List<String> words, ContextTrigger trigger) {
    }

    /** A trigger found in a sentence; {@code within} is the mention whose words contain it, if any. */
    private record Occurrence(int from, int to, ContextTrigger trigger, String words, Mention within) {
    }

    private final List<Phrase> triggers;
    private final List<List<String>> pseudoTriggers;
    private final Set<String> phraseEnds;
    private final Set<String> clauseEnds;

    /**
     * @param triggers       the trigger phrases
     * @param pseudoTriggers phrases that start like a trigger but are none ("no change")
     */
    public ContextRules(List<ContextTrigger> triggers, List<String> pseudoTriggers, Analyzer analyzer,
                        ReportTextNormalizer normalizer) {
        List<Phrase> phrases = new ArrayList<>();
        for (ContextTrigger trigger : triggers) {
            List<String> words = TokenizedSentence.analyze(analyzer, normalizer.normalize(trigger.phrase())).terms();
            if (words.isEmpty()) {
                throw new IllegalArgumentException("trigger '" + trigger.phrase() + "' has no words");
            }
            phrases.add(new Phrase(words, trigger));
        }
        phrases.sort(Comparator.comparingInt((Phrase p) -> p.words().size()).reversed());
        this.triggers = List.copyOf(phrases);
        this.pseudoTriggers = pseudoTriggers.stream()
                .map(p -> TokenizedSentence.analyze(analyzer, normalizer.normalize(p)).terms()).toList();
        this.phraseEnds = analyzedWords(PHRASE_ENDS, analyzer, normalizer);
        this.clauseEnds = analyzedWords(CLAUSE_ENDS, analyzer, normalizer);
    }

    private static Set<String> analyzedWords(List<String> words, Analyzer analyzer, ReportTextNormalizer normalizer) {
        Set<String> analyzed = new HashSet<>();
        for (String word : words) {
            analyzed.addAll(TokenizedSentence.analyze(analyzer, normalizer.normalize(word)).terms());
        }
        return Set.copyOf(analyzed);
    }

    /** The rules of the slides' table, with a few phrases of the same kind added. */
    public static ContextRules lesaNet(Analyzer analyzer, ReportTextNormalizer normalizer) {
        List<ContextTrigger> triggers = new ArrayList<>();
        // Irrelevant 1: negation
        for (String phrase : List.of("no evidence of", "no evidence of developing", "no evidence of abdominal",
                "without evidence of", "without", "with out", "no", "negative for", "free of", "absence of")) {
            triggers.add(new ContextTrigger(phrase, Relevance.IRRELEVANT, TriggerScope.CLAUSE, Reason.NEGATION));
        }
        for (String phrase : List.of("not", "poorly")) {
            triggers.add(new ContextTrigger(phrase, Relevance.IRRELEVANT, TriggerScope.NEXT, Reason.NEGATION));
        }
        triggers.add(new ContextTrigger("previously seen", Relevance.IRRELEVANT, TriggerScope.PHRASE, Reason.NEGATION));
        // Irrelevant 2: a neighbouring structure, not the lesion's site
        for (String phrase : List.of("adjacent to", "arising from", "above", "anterior to", "abutting", "beneath",
                "close to", "encasing", "left of", "left of this", "near", "posterior to", "right of",
                "lateral to", "medial to", "superior to", "inferior to", "below", "next to", "abuts", "encases",
                "compresses", "compressing", "displacing", "displaces", "surrounding")) {
            triggers.add(new ContextTrigger(phrase, Relevance.IRRELEVANT, TriggerScope.PHRASE, Reason.RELATION));
        }
        // Irrelevant 3: another finding
        for (String phrase : List.of("other", "another")) {
            triggers.add(new ContextTrigger(phrase, Relevance.IRRELEVANT, TriggerScope.PHRASE, Reason.OTHER_FINDING));
        }
        // Uncertain 1: hedges and alternatives
        for (String phrase : List.of("likely", "possibly", "probable", "probably", "possible", "questionable",
                "suspicious for", "concerning for", "versus", "vs", "may represent", "cannot exclude")) {
            triggers.add(new ContextTrigger(phrase, Relevance.UNCERTAIN, TriggerScope.PHRASE, Reason.HEDGE));
        }
        for (String phrase : List.of("or", "and/or")) {
            triggers.add(new ContextTrigger(phrase, Relevance.UNCERTAIN, TriggerScope.NEXT, Reason.ALTERNATIVE));
        }
        // Uncertain 2: a part of the structure named
        for (String phrase : List.of("dome of", "portion of", "tail of")) {
            triggers.add(new ContextTrigger(phrase, Relevance.UNCERTAIN, TriggerScope.NEXT, Reason.PART_OF));
        }
        List<String> pseudo = List.of("no change", "no significant change", "no interval change",
                "no significant interval change", "not changed", "not significantly changed", "no longer");
        return new ContextRules(triggers, pseudo, analyzer, normalizer);
    }

    /**
     * Judges every mention by the triggers before it in the sentence. Words in {@code barriers}
     * (bookmark placeholders) end every scope.
     */
    public Map<Mention, Judgement> judge(TokenizedSentence sentence, List<Mention> mentions, Set<String> barriers) {
        Map<Mention, Judgement> judged = new HashMap<>();
        for (Mention mention : mentions) {
            judged.put(mention, Judgement.PLAIN);
        }
        for (Occurrence occurrence : occurrences(sentence, mentions)) {
            Judgement judgement = new Judgement(occurrence.trigger().relevance(), occurrence.trigger().reason(),
                    occurrence.words());
            List<Mention> inScope = occurrence.within() == null
                    ? inScope(occurrence, scopeEnd(sentence, occurrence, barriers), mentions)
                    : nestedAfter(occurrence, mentions);
            for (Mention mention : inScope) {
                judged.merge(mention, judgement, Judgement::weakest);
            }
        }
        // A mention nested in a longer one also follows what the context says of the longer one.
        for (Mention mention : mentions) {
            if (mention.nested()) {
                for (Mention outer : mentions) {
                    if (outer.covers(mention)) {
                        judged.merge(mention, judged.get(outer), Judgement::weakest);
                    }
                }
            }
        }
        return judged;
    }

    private List<Occurrence> occurrences(TokenizedSentence sentence, List<Mention> mentions) {
        List<String> words = sentence.terms();
        List<Occurrence> found = new ArrayList<>();
        for (int from = 0; from < words.size(); from++) {
            if (startsPseudoTrigger(words, from)) {
                continue;
            }
            for (Phrase phrase : triggers) {
                int to = from + phrase.words().size();
                if (to <= words.size() && words.subList(from, to).equals(phrase.words())
                        && sentence.withinClause(from, to)) {
                    Mention within = containingMention(from, to, mentions);
                    if (within == null || (within.from() <= from && to <= within.to())) {
                        found.add(new Occurrence(from, to, phrase.trigger(), sentence.surface(from, to), within));
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** The primary mention whose words overlap the trigger's ("poorly" in "poorly defined"), or null. */
    private static Mention containingMention(int from, int to, List<Mention> mentions) {
        for (Mention mention : mentions) {
            if (!mention.nested() && mention.from() < to && from < mention.to()) {
                return mention;
            }
        }
        return null;
    }

    /** A trigger inside a mention's words speaks only of what is nested after it ("calcified" in "not calcified"). */
    private static List<Mention> nestedAfter(Occurrence occurrence, List<Mention> mentions) {
        List<Mention> nested = new ArrayList<>();
        for (Mention mention : mentions) {
            if (mention.nested() && occurrence.within().covers(mention) && mention.from() >= occurrence.to()) {
                nested.add(mention);
            }
        }
        return nested;
    }

    private boolean startsPseudoTrigger(List<String> words, int from) {
        for (List<String> pseudo : pseudoTriggers) {
            int to = from + pseudo.size();
            if (to <= words.size() && words.subList(from, to).equals(pseudo)) {
                return true;
            }
        }
        return false;
    }

    private int scopeEnd(TokenizedSentence sentence, Occurrence occurrence, Set<String> barriers) {
        TriggerScope scope = occurrence.trigger().scope();
        int end = occurrence.to();
        while (end < sentence.size()) {
            Token token = sentence.token(end);
            if (token.clauseBoundary() || barriers.contains(token.term())) {
                break;
            }
            if (clauseEnds.contains(token.term()) || (scope != TriggerScope.CLAUSE && phraseEnds.contains(token.term()))) {
                break;
            }
            end++;
        }
        return end;
    }

    private static List<Mention> inScope(Occurrence occurrence, int end, List<Mention> mentions) {
        List<Mention> inScope = new ArrayList<>();
        if (occurrence.trigger().scope() != TriggerScope.NEXT) {
            for (Mention mention : mentions) {
                if (mention.from() >= occurrence.to() && mention.from() < end) {
                    inScope.add(mention);
                }
            }
            return inScope;
        }
        Mention first = null;
        for (Mention mention : mentions) {
            if (!mention.nested() && mention.from() >= occurrence.to() && mention.from() < end
                    && mention.from() - occurrence.to() <= NEXT_GAP
                    && (first == null || mention.from() < first.from())) {
                first = mention;
            }
        }
        if (first != null) {
            for (Mention mention : mentions) {
                if (mention.from() < first.to() && first.from() < mention.to()) {
                    inScope.add(mention);
                }
            }
        }
        return inScope;
    }
}
