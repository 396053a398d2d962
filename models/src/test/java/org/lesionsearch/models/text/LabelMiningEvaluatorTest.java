package org.lesionsearch.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LesionOntology;

class LabelMiningEvaluatorTest {

    private static final LesionOntology ONTOLOGY = LesionOntology.lesaNet();
    private static HandLabeledSet dev;

    @BeforeAll
    static void readDevSet() throws IOException {
        dev = HandLabeledSet.read(SharedLesaNetData.handLabeledDev(), ONTOLOGY);
    }

    private static LabelMiningScores evaluate(MiningOptions options, LabelMiningEvaluator.LabelScope scope,
                                              boolean countUncertain) {
        return new LabelMiningEvaluator(new ReportLabelMiner(ONTOLOGY, options), ONTOLOGY)
                .evaluate(dev, scope, countUncertain, 10);
    }

    @Test
    void meetsTheTargetsOnTheHandLabelledDevSet() {
        assertThat(dev.sentences()).hasSize(150);
        LabelMiningScores scores = evaluate(MiningOptions.all(), LabelMiningEvaluator.LabelScope.ALL, true);
        assertThat(scores.overall().micro().f1()).isGreaterThanOrEqualTo(0.96);
        assertThat(scores.overall().micro().precision()).isGreaterThanOrEqualTo(0.97);

        LabelMiningScores model = evaluate(MiningOptions.all(), LabelMiningEvaluator.LabelScope.MODEL, true);
        assertThat(model.overall().micro().f1()).isGreaterThanOrEqualTo(0.96);
        assertThat(model.overall().micro().precision()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void theRulesAddToThePlainLexiconBaseline() {
        double baseline = evaluate(MiningOptions.plainLexicon(), LabelMiningEvaluator.LabelScope.ALL, true)
                .overall().micro().f1();
        double miner = evaluate(MiningOptions.all(), LabelMiningEvaluator.LabelScope.ALL, true).overall().micro().f1();
        assertThat(baseline).isBetween(0.92, 0.95);
        assertThat(miner).isGreaterThan(baseline + 0.02);
        // the context rules buy precision
        double withoutRules = evaluate(MiningOptions.all().withContextRules(false), LabelMiningEvaluator.LabelScope.ALL, true)
                .overall().micro().precision();
        assertThat(evaluate(MiningOptions.all(), LabelMiningEvaluator.LabelScope.ALL, true).overall().micro().precision())
                .isGreaterThan(withoutRules);
    }

    @Test
    void reportsClassesWorstLabelsAndProblems() {
        LabelMiningScores scores = evaluate(MiningOptions.all(), LabelMiningEvaluator.LabelScope.ALL, true);
        assertThat(scores.byClass()).extracting(LabelMiningScores.GroupScores::group)
                .containsExactly("body part", "type", "attribute");
        int classified = scores.byClass().stream().mapToInt(g -> g.tp() + g.fn()).sum();
        assertThat(classified).isLessThanOrEqualTo(scores.overall().tp() + scores.overall().fn());
        assertThat(scores.worstLabels()).hasSizeLessThanOrEqualTo(10).isSortedAccordingTo(
                (a, b) -> Integer.compare(b.fp() + b.fn(), a.fp() + a.fn()));
        // "infarction" is a hand label the ontology does not have
        assertThat(scores.problems()).anyMatch(p -> p.contains("'infarction'"));
        LabelMiningScores strict = evaluate(MiningOptions.all(), LabelMiningEvaluator.LabelScope.ALL, false);
        assertThat(strict.overall().micro().recall()).isLessThan(scores.overall().micro().recall());
    }

    @Test
    void computesMicroAndMacroFiguresByHand() throws IOException {
        String json = """
                [{"text": "liver mass", "expanded_terms": ["liver", "mass", "liver mass", "abdomen", "upper abdomen"]},
                 {"text": "lung nodule", "expanded_terms": ["lung", "chest", "nodule", "lung nodule", "calcified"]}]
                """;
        HandLabeledSet set = HandLabeledSet.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json", ONTOLOGY);
        LabelMiningScores scores = new LabelMiningEvaluator(new ReportLabelMiner(ONTOLOGY), ONTOLOGY)
                .evaluate(set, LabelMiningEvaluator.LabelScope.ALL, true, 5);
        // all 9 mined labels are right, "calcified" is missed
        assertThat(scores.overall().tp()).isEqualTo(9);
        assertThat(scores.overall().fp()).isZero();
        assertThat(scores.overall().fn()).isEqualTo(1);
        assertThat(scores.overall().micro().precision()).isEqualTo(1.0);
        assertThat(scores.overall().micro().recall()).isCloseTo(0.9, within(1e-9));
        // 10 hand labels, 9 perfect, one with recall 0
        assertThat(scores.overall().labels()).isEqualTo(10);
        assertThat(scores.overall().macro().recall()).isCloseTo(0.9, within(1e-9));
        assertThat(scores.overall().macro().precision()).isCloseTo(0.9, within(1e-9));
        assertThat(scores.worstLabels()).singleElement().extracting(LabelMiningScores.LabelCounts::label).isEqualTo("calcified");
    }
}
