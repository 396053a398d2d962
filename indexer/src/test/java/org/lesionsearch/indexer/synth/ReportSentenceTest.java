package org.lesionsearch.indexer.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.synth.output.GroundTruthFiles;
import org.lesionsearch.indexer.synth.output.GroundTruthRecord;
import org.lesionsearch.models.text.MinedLabels;
import org.lesionsearch.models.text.ReportLabelMiner;

/**
 * Report sentences: bookmark style, labels from the 171-label vocabulary that do not exclude each
 * other, each label's words present, distractors that are not the lesion's; and the report miner
 * reads the lesion's labels out of them and none of the distractors.
 */
class ReportSentenceTest {

    private static final LesionOntology ONTOLOGY = LesionOntology.lesaNet();
    private static final Pattern SIZE = Pattern.compile("\\((\\d+\\.\\d) cm x (\\d+\\.\\d) cm\\)");

    private static List<GroundTruthRecord> records() throws IOException {
        return GroundTruthFiles.readLesions(SyntheticCohort.deepLesion().resolve(GroundTruthFiles.LESIONS));
    }

    @Test
    void sentencesAreBookmarksWithTheirMeasurementAndImage() throws IOException {
        for (GroundTruthRecord r : records()) {
            String s = r.sentence();
            assertThat(s).contains(" BOOKMARK").endsWith(".")
                    .contains("(series " + r.seriesId() + ", image " + r.keySlice() + ")");
            assertThat(Character.isUpperCase(s.charAt(0)) || Character.isDigit(s.charAt(0))).as(s).isTrue();
            Matcher size = SIZE.matcher(s);
            if (size.find()) {
                assertThat(Double.parseDouble(size.group(1)) * 10).isCloseTo(r.measuredLongAxisMm(),
                        org.assertj.core.api.Assertions.within(0.51));
            }
        }
    }

    @Test
    void labelsAreVocabularyTermsStatedInTheSentenceWithoutConflicts() throws IOException {
        for (GroundTruthRecord r : records()) {
            assertThat(r.labels()).isNotEmpty();
            for (String label : r.labels()) {
                assertThat(ONTOLOGY.vocabulary().contains(label)).as("%s is one of the 171 labels", label).isTrue();
            }
            assertThat(ONTOLOGY.exclusiveConflicts(r.labels())).as(r.sentence()).isEmpty();
            assertThat(r.expandedLabels()).containsAll(r.labels());
            assertThat(new HashSet<>(r.expandedLabels())).isEqualTo(ONTOLOGY.expandParents(r.labels()));
            String text = " " + r.sentence().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", " ") + " ";
            for (String label : r.labels()) {
                if (!isComposite(label, r.labels())) {
                    boolean stated = ONTOLOGY.term(label).orElseThrow().synonyms().stream()
                            .anyMatch(w -> text.contains(" " + w.toLowerCase(Locale.ROOT) + " "));
                    assertThat(stated).as("the words of '%s' in: %s", label, r.sentence()).isTrue();
                }
            }
            for (GroundTruthRecord.Distractor d : r.distractors()) {
                assertThat(ONTOLOGY.vocabulary().contains(d.label())).isTrue();
                assertThat(r.expandedLabels()).as("distractor %s of %s", d.label(), r.sentence()).doesNotContain(d.label());
                assertThat(r.sentence()).contains(d.words());
                assertThat(d.relation()).isIn("NEGATED", "UNCERTAIN", "NEIGHBOURING");
            }
        }
    }

    /** Composite terms ("kidney cyst") are implied by two stated words rather than written out. */
    private static boolean isComposite(String label, List<String> labels) {
        return switch (label) {
            case "kidney cyst" -> labels.contains("cyst") || labels.contains("simple cyst");
            case "liver mass" -> labels.contains("mass") && labels.contains("liver");
            case "lobular mass" -> labels.contains("lobular") && labels.contains("mass");
            case "mediastinum lymph node", "retroperitoneum lymph node", "mesentery lymph node" ->
                    labels.contains("lymphadenopathy");
            default -> false;
        };
    }

    @Test
    void theReportMinerFindsTheLabelsAndNoDistractor() throws IOException {
        ReportLabelMiner miner = new ReportLabelMiner(ONTOLOGY);
        int truePositives = 0, mined = 0, expected = 0, leaked = 0, distractors = 0;
        for (GroundTruthRecord r : records()) {
            MinedLabels m = miner.mine(r.sentence());
            Set<String> truth = new HashSet<>(r.expandedLabels());
            for (String label : m.relevant()) {
                if (truth.contains(label)) {
                    truePositives++;
                }
            }
            mined += m.relevant().size();
            expected += truth.size();
            for (GroundTruthRecord.Distractor d : r.distractors()) {
                distractors++;
                if (m.relevant().contains(d.label())) {
                    leaked++;
                }
            }
        }
        double precision = truePositives / (double) mined, recall = truePositives / (double) expected;
        System.out.printf(Locale.ROOT, "report miner on synthetic sentences: precision %.3f recall %.3f, %d of %d distractors mined as relevant%n",
                precision, recall, leaked, distractors);
        assertThat(distractors).isPositive();
        assertThat(precision).isGreaterThan(0.95);
        assertThat(recall).isGreaterThan(0.95);
        assertThat(leaked).isLessThanOrEqualTo(distractors / 20);
    }
}
