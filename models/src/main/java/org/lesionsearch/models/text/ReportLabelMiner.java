package org.lesionsearch.models.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LesionOntology;

/**
 * Mines ontology labels from the report sentence that describes a bookmarked lesion, after
 * LesaNet's text mining: normalise and tokenise the sentence, match every term and synonym as
 * whole words, separate irrelevant and uncertain mentions by their context, infer combined terms
 * ("lung" + "nodule" gives "lung nodule") and add the parents of the relevant and uncertain
 * labels. Mutually exclusive relevant labels are reported, not resolved: descriptions name
 * neighbouring structures together ("juxtapleural right lower lobe nodule") and the
 * radiologists' labels keep both. A miner is immutable and safe to share between threads.
 */
public final class ReportLabelMiner {

    /** Stand-ins for bookmark references, so that their words never match a term. */
    private static final String TARGET = "xxtargetbookmark";
    private static final String OTHER = "xxotherbookmark";
    private static final Set<String> ANCHORS = Set.of(TARGET, OTHER);
    private static final String AND = "and";

    private final LesionOntology ontology;
    private final ReportTextNormalizer normalizer;
    private final ReportAnalyzer analyzer;
    private final Lexicon lexicon;
    private final ContextRules rules;
    private final CompositeTerms composites;
    private final BookmarkSentenceFinder finder;
    private final MiningOptions options;

    public ReportLabelMiner(LesionOntology ontology) {
        this(ontology, MiningOptions.all());
    }

    /** A miner with some steps left out, to measure what each adds. */
    public ReportLabelMiner(LesionOntology ontology, MiningOptions options) {
        this.ontology = ontology;
        this.options = options;
        this.normalizer = new ReportTextNormalizer(options.normalization());
        this.analyzer = new ReportAnalyzer();
        this.lexicon = new Lexicon(ontology, analyzer, normalizer, options.lexiconVariants(), options.normalization());
        this.rules = ContextRules.lesaNet(analyzer, normalizer);
        this.composites = new CompositeTerms(ontology);
        this.finder = new BookmarkSentenceFinder();
    }

    /**
     * Labels of the lesion a sentence (or a short description) speaks of. When the sentence holds
     * bookmark references, the first one that is not a link to another bookmark is the lesion.
     */
    public MinedLabels mine(String sentence) {
        List<BookmarkReference> references = finder.references(sentence);
        int target = -1;
        for (int i = 0; i < references.size() && target < 0; i++) {
            if (references.get(i).target()) {
                target = i;
            }
        }
        return mine(sentence, references, target);
    }

    /** Labels of every bookmarked lesion of a report, one result per bookmark reference. */
    public List<MinedLabels> mineReport(String report) {
        List<MinedLabels> mined = new ArrayList<>();
        for (BookmarkSentence sentence : finder.find(report)) {
            List<BookmarkReference> references = sentence.references();
            for (int i = 0; i < references.size(); i++) {
                if (references.get(i).target()) {
                    mined.add(mine(sentence.text(), references, i));
                }
            }
        }
        return mined;
    }

    private MinedLabels mine(String sentence, List<BookmarkReference> references, int target) {
        TokenizedSentence tokens = TokenizedSentence.analyze(analyzer,
                normalizer.normalize(withAnchors(sentence, references, target)));
        List<Mention> mentions = lexicon.find(tokens);
        Map<Mention, Judgement> judged = new HashMap<>();
        if (options.contextRules()) {
            judged.putAll(rules.judge(tokens, mentions, ANCHORS));
        } else {
            mentions.forEach(mention -> judged.put(mention, Judgement.PLAIN));
        }
        int targetAt = tokens.terms().indexOf(TARGET);
        if (targetAt >= 0) {
            judgeOtherBookmarks(tokens, targetAt, mentions, judged);
        }
        Candidates candidates = new Candidates();
        for (Mention mention : mentions) {
            if (!mention.nested() || (options.nestedMentions() && classOf(mention.label()) != LabelClass.BODY_PART)) {
                candidates.offer(mention.label(), judged.get(mention), mention.words());
            }
        }
        if (options.composites()) {
            inferComposites(mentions, judged, candidates);
        }
        return candidates.expand(sentence);
    }

    private static String withAnchors(String sentence, List<BookmarkReference> references, int target) {
        StringBuilder text = new StringBuilder(sentence);
        for (int i = references.size() - 1; i >= 0; i--) {
            BookmarkReference reference = references.get(i);
            text.replace(reference.start(), reference.end(), " " + (i == target ? TARGET : OTHER) + " ");
        }
        return text.toString();
    }

    /**
     * Body parts named before another bookmark locate that other lesion. After the last bookmark,
     * "and ..." starts another finding.
     */
    private void judgeOtherBookmarks(TokenizedSentence tokens, int targetAt, List<Mention> mentions,
                                     Map<Mention, Judgement> judged) {
        int segmentStart = 0;
        boolean lastBookmark = true;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.token(i).term().equals(OTHER)) {
                if (i < targetAt) {
                    segmentStart = i + 1;
                } else {
                    lastBookmark = false;
                }
            }
        }
        boolean anotherFindingFollows = lastBookmark && targetAt + 1 < tokens.size()
                && tokens.token(targetAt + 1).term().equals(AND);
        for (Mention mention : mentions) {
            boolean otherSegment = mention.from() < segmentStart || (!lastBookmark && mention.from() > targetAt);
            if (otherSegment && classOf(mention.label()) == LabelClass.BODY_PART) {
                judged.merge(mention, new Judgement(Relevance.IRRELEVANT, Reason.OTHER_BOOKMARK, "another bookmark"),
                        Judgement::weakest);
            } else if (anotherFindingFollows && mention.from() > targetAt) {
                judged.merge(mention, new Judgement(Relevance.IRRELEVANT, Reason.OTHER_FINDING, AND),
                        Judgement::weakest);
            }
        }
    }

    /**
     * Adds combined terms whose two parts the sentence mentions, not as irrelevant. A type also
     * stands for its direct parents as a head ("lymphadenopathy" is a lymph node finding, so
     * "hilar mass or lymphadenopathy" gives "hilum lymph node").
     */
    private void inferComposites(List<Mention> mentions, Map<Mention, Judgement> judged, Candidates candidates) {
        Map<String, Mention> present = new HashMap<>();
        Map<String, Relevance> presentRelevance = new HashMap<>();
        for (Mention mention : mentions) {
            Relevance relevance = judged.get(mention).relevance();
            if (relevance == Relevance.IRRELEVANT) {
                continue;
            }
            notePresent(mention.label(), mention, relevance, present, presentRelevance);
            if (classOf(mention.label()) == LabelClass.TYPE) {
                for (String parent : ontology.term(mention.label()).orElseThrow().parents()) {
                    notePresent(parent, mention, relevance, present, presentRelevance);
                }
            }
        }
        for (CompositeTerms.Composite composite : composites.all()) {
            Mention modifier = present.get(composite.modifier());
            Mention head = present.get(composite.head());
            if (modifier != null && head != null) {
                Relevance relevance = presentRelevance.get(composite.modifier())
                        .weakest(presentRelevance.get(composite.head()));
                String trigger = relevance == Relevance.RELEVANT ? "" : relevance.name().toLowerCase(Locale.ROOT) + " part";
                candidates.offer(composite.label(), new Judgement(relevance, Reason.COMPOSITE, trigger),
                        modifier.words() + " + " + head.words());
            }
        }
    }

    private static void notePresent(String label, Mention mention, Relevance relevance, Map<String, Mention> present,
                                    Map<String, Relevance> presentRelevance) {
        Relevance known = presentRelevance.get(label);
        if (known == null || relevance.compareTo(known) < 0) {
            presentRelevance.put(label, relevance);
            present.put(label, mention);
        }
    }

    private LabelClass classOf(String label) {
        return ontology.term(label).orElseThrow().labelClass();
    }

    /** The strongest evidence so far for each label mentioned or inferred, in order of appearance. */
    private final class Candidates {

        private record Candidate(Judgement judgement, String words) {
        }

        private final Map<String, Candidate> byLabel = new LinkedHashMap<>();

        void offer(String label, Judgement judgement, String words) {
            Candidate known = byLabel.get(label);
            if (known == null || judgement.relevance().compareTo(known.judgement().relevance()) < 0) {
                byLabel.put(label, new Candidate(judgement, words));
            }
        }

        List<String> directLabels(Relevance relevance) {
            return byLabel.entrySet().stream().filter(e -> e.getValue().judgement().relevance() == relevance)
                    .map(Map.Entry::getKey).toList();
        }

        MinedLabels expand(String sentence) {
            List<LabelEvidence> evidence = new ArrayList<>();
            Set<String> relevant = expand(Relevance.RELEVANT, Set.of(), evidence);
            Set<String> uncertain = expand(Relevance.UNCERTAIN, relevant, evidence);
            Set<String> irrelevant = new LinkedHashSet<>();
            for (String label : directLabels(Relevance.IRRELEVANT)) {
                if (!relevant.contains(label) && !uncertain.contains(label)) {
                    irrelevant.add(label);
                    evidence.add(evidenceOf(label));
                }
            }
            return new MinedLabels(sentence, relevant, uncertain, irrelevant, evidence,
                    ontology.exclusiveConflicts(directLabels(Relevance.RELEVANT)));
        }

        private Set<String> expand(Relevance relevance, Set<String> stronger, List<LabelEvidence> evidence) {
            Set<String> labels = new LinkedHashSet<>();
            List<String> direct = directLabels(relevance);
            for (String label : direct) {
                if (!stronger.contains(label) && labels.add(label)) {
                    evidence.add(evidenceOf(label));
                }
            }
            for (String label : direct) {
                for (String parent : ontology.ancestors(label)) {
                    if (!stronger.contains(parent) && labels.add(parent)) {
                        evidence.add(new LabelEvidence(parent, relevance, label, Reason.PARENT, ""));
                    }
                }
            }
            return labels;
        }

        private LabelEvidence evidenceOf(String label) {
            Candidate candidate = byLabel.get(label);
            Judgement judgement = candidate.judgement();
            return new LabelEvidence(label, judgement.relevance(), candidate.words(), judgement.reason(),
                    judgement.trigger());
        }
    }
}
