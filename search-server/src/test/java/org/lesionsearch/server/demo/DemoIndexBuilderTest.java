package org.lesionsearch.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.indexer.pipeline.IngestSummary;
import org.lesionsearch.indexer.pipeline.ProgressListener;
import org.lesionsearch.indexer.synth.output.GroundTruthFiles;
import org.lesionsearch.indexer.synth.output.GroundTruthRecord;
import org.lesionsearch.models.text.ReportLabelMiner;
import org.lesionsearch.server.web.SampleIndex;

/** The demo index as the demo builds it: a synthetic cohort plus the real DeepLesion sample, through a real model. */
class DemoIndexBuilderTest {

    @TempDir
    Path tmp;

    @Test
    void theCohortAndTheRealSampleAreIndexedWithThumbnailsDatesAndReportLabels() throws IOException {
        SampleIndex.Built sample = SampleIndex.get();
        DemoIndexBuilder.Report report = sample.report();
        assertThat(report.generated()).isNotNull();
        assertThat(report.generated().patients()).isEqualTo(SampleIndex.PATIENTS);
        List<GroundTruthRecord> truth = GroundTruthFiles.readLesions(sample.cohort().resolve(GroundTruthFiles.LESIONS));
        assertThat(report.ingests()).hasSize(2);
        IngestSummary cohort = report.ingests().get(0), real = report.ingests().get(1);
        assertThat(cohort.indexed()).isEqualTo(truth.size());
        assertThat(real.indexed()).isEqualTo(24);
        assertThat(cohort.rejected() + real.rejected()).isZero();
        assertThat(sample.index().count(Filter.all())).isEqualTo(truth.size() + 24);
        assertThat(DemoIndexBuilder.isComplete(sample.indexDir())).isTrue();

        assertThat(report.enriched()).isEqualTo(truth.size());
        ReportLabelMiner miner = new ReportLabelMiner(LesionOntology.lesaNet());
        LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
        int withReportLabels = 0;
        for (GroundTruthRecord record : truth) {
            Lesion lesion = sample.index().get(LesionId.of(record.lesionId())).orElseThrow();
            assertThat(lesion.studyDate()).hasToString(record.studyDate());
            assertThat(lesion.reportLabels()).allMatch(vocabulary::contains);
            assertThat(lesion.reportLabels()).isEqualTo(new CohortEnrichment(miner, vocabulary).reportLabels(record.sentence()));
            assertThat(sample.indexDir().resolve(lesion.thumbnail())).isRegularFile();
            withReportLabels += lesion.reportLabels().isEmpty() ? 0 : 1;
        }
        assertThat(withReportLabels).as("sentences naming the lesion's organ").isGreaterThan(truth.size() / 2);
    }

    @Test
    void aSecondBuildReusesTheCohortAndWritesNothingTwice() throws IOException {
        SampleIndex.Built sample = SampleIndex.get();
        long before = sample.index().count(Filter.all());
        DemoIndexBuilder.Report again = new DemoIndexBuilder(sample.encoder(), LesionOntology.lesaNet(),
                new DemoIndexBuilder.Options(SampleIndex.PATIENTS, SampleIndex.SEED, sample.cohort(), SharedTestData.deepLesion(), 2))
                .build(sample.index(), sample.indexDir(), null, ProgressListener.NONE);
        assertThat(again.generated()).as("the cohort is reused").isNull();
        assertThat(again.ingests()).allSatisfy(s -> {
            assertThat(s.indexed()).isZero();
            assertThat(s.alreadyIndexed()).isPositive();
        });
        assertThat(again.enriched()).isZero();
        assertThat(sample.index().count(Filter.all())).isEqualTo(before);
    }

    @Test
    void aFolderThatIsNotACohortIsNeverOverwritten() throws IOException {
        Path notACohort = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(notACohort.resolve("holiday.txt"), "keep me");
        DemoIndexBuilder builder = new DemoIndexBuilder(SampleIndex.get().encoder(), LesionOntology.lesaNet(),
                new DemoIndexBuilder.Options(1, 1, notACohort, null, 1));
        try (var index = org.lesionsearch.core.index.lucene.LuceneLesionIndex.open(tmp.resolve("index"),
                org.lesionsearch.core.index.lucene.LuceneIndexOptions.defaults())) {
            assertThatThrownBy(() -> builder.build(index, tmp.resolve("index"), null, ProgressListener.NONE))
                    .isInstanceOf(IOException.class).hasMessageContaining("neither empty nor a synthetic cohort");
        }
        assertThat(notACohort.resolve("holiday.txt")).hasContent("keep me");
    }
}
