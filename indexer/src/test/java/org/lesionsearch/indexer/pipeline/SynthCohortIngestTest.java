package org.lesionsearch.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.patch.PatchExtractor;
import org.lesionsearch.indexer.patch.TestSlices;
import org.lesionsearch.indexer.source.DeepLesionSource;
import org.lesionsearch.indexer.source.DicomFolderSource;
import org.lesionsearch.indexer.source.LesionSource;
import org.lesionsearch.indexer.source.SeriesWork;
import org.lesionsearch.indexer.synth.CohortGenerator;
import org.lesionsearch.indexer.synth.CohortSummary;
import org.lesionsearch.indexer.synth.OutputFormat;
import org.lesionsearch.indexer.synth.SynthOptions;

/** The synthetic cohort generator's DeepLesion and DICOM folders go through the whole pipeline. */
class SynthCohortIngestTest {

    @TempDir
    Path tmp;

    @Test
    void theDeepLesionFormatIngestsEveryMeasuredLesionWithRealNeighbours() throws Exception {
        Path cohort = tmp.resolve("dl");
        CohortSummary generated = new CohortGenerator(SynthOptions.defaults(2, 11).withThreads(1), LesionOntology.lesaNet())
                .generate(cohort, null);
        List<JsonNode> truth = groundTruth(cohort);
        assertThat(generated.measuredLesions()).isPositive();
        assertThat(truth).hasSize(generated.measuredLesions());
        DeepLesionSource source = new DeepLesionSource(cohort);
        assertEveryPatchHasNeighbours(source);
        Path indexDir = tmp.resolve("index");
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder encoder = new PatchPoolingTestEncoder()) {
            IngestSummary s = new IngestPipeline(encoder, index, IngestOptions.forIndex(indexDir), ProgressListener.NONE).run(source);
            assertThat(s.rejected()).isZero();
            assertThat(s.indexed()).isEqualTo(generated.measuredLesions());
            for (JsonNode t : truth) {
                Lesion l = index.get(LesionId.of(t.get("lesionId").asText())).orElseThrow();
                assertThat(l.coarseType().code()).isEqualTo(t.get("coarseType").asInt());
                assertThat(l.sizeMm()).isCloseTo(t.get("measuredLongAxisMm").asDouble(), org.assertj.core.api.Assertions.within(0.01));
            }
        }
    }

    @Test
    void theDicomFormatIngestsEveryMeasuredLesionFromItsSidecar() throws Exception {
        Path cohort = tmp.resolve("dicom");
        CohortSummary generated = new CohortGenerator(SynthOptions.defaults(1, 5).withThreads(1).withFormat(OutputFormat.DICOM),
                LesionOntology.lesaNet()).generate(cohort, null);
        assertThat(generated.measuredLesions()).isPositive();
        DicomFolderSource source = new DicomFolderSource(cohort);
        assertEveryPatchHasNeighbours(source);
        Path indexDir = tmp.resolve("index");
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder encoder = new PatchPoolingTestEncoder()) {
            IngestSummary s = new IngestPipeline(encoder, index, IngestOptions.forIndex(indexDir), ProgressListener.NONE).run(source);
            assertThat(s.rejected()).isZero();
            assertThat(s.indexed()).isEqualTo(generated.measuredLesions());
            assertThat(index.count(Filter.all())).isEqualTo(generated.measuredLesions());
            for (JsonNode t : groundTruth(cohort)) {
                Lesion l = index.get(LesionId.of(t.get("sopInstanceUid").asText() + "_1")).orElseThrow();
                assertThat(l.studyId()).isEqualTo(t.get("studyInstanceUid").asText());
                assertThat(l.sizeMm()).isCloseTo(t.get("measuredLongAxisMm").asDouble(), org.assertj.core.api.Assertions.within(0.01));
                assertThat(l.location()).isNotNull();
            }
        }
    }

    private static void assertEveryPatchHasNeighbours(LesionSource source) throws Exception {
        LesionPreparer preparer = new LesionPreparer(new PatchExtractor(TestSlices.spec()), null);
        for (SeriesWork series : source.scan().series()) {
            LesionPreparer.SeriesOutcome o = preparer.prepare(series);
            assertThat(o.rejected()).isEmpty();
            assertThat(o.prepared()).allSatisfy(p -> assertThat(p.patches().neighboursPresent()).as(p.lesion().id().value()).isTrue());
        }
    }

    private static List<JsonNode> groundTruth(Path cohort) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(cohort.resolve("ground_truth.jsonl"))) {
            out.add(json.readTree(line));
        }
        return out;
    }
}
