package org.lesionsearch.server.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.indexer.synth.output.GroundTruthFiles;
import org.lesionsearch.indexer.synth.output.GroundTruthRecord;
import org.lesionsearch.models.text.ReportLabelMiner;

/**
 * Gives the synthetic cohort's indexed lesions what the DeepLesion folder format cannot carry:
 * the study date, and the labels of the report sentence that describes the lesion. The labels
 * are mined from the sentence by the report miner (as for real reports), not copied from the
 * generator's truth; only model labels are kept, as the index requires.
 */
final class CohortEnrichment {

    static final int BATCH = 256;

    private final ReportLabelMiner miner;
    private final LabelVocabulary vocabulary;

    CohortEnrichment(ReportLabelMiner miner, LabelVocabulary vocabulary) {
        this.miner = miner;
        this.vocabulary = vocabulary;
    }

    /** @return lesions updated (those already carrying a date or report labels are left alone) */
    int enrich(Path cohort, LesionIndex index) throws IOException {
        List<GroundTruthRecord> truth = GroundTruthFiles.readLesions(cohort.resolve(GroundTruthFiles.LESIONS));
        List<Lesion> batch = new ArrayList<>(BATCH);
        int updated = 0;
        for (GroundTruthRecord record : truth) {
            Optional<Lesion> stored = index.get(LesionId.of(record.lesionId()));
            if (stored.isEmpty() || stored.get().studyDate() != null || !stored.get().reportLabels().isEmpty()) {
                continue;
            }
            batch.add(stored.get().toBuilder().studyDate(date(record.studyDate())).reportLabels(reportLabels(record.sentence()))
                    .build());
            if (batch.size() == BATCH) {
                updated += write(index, batch);
            }
        }
        updated += write(index, batch);
        index.commit();
        return updated;
    }

    Set<String> reportLabels(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return Set.of();
        }
        return miner.mine(sentence).relevant().stream().filter(vocabulary::contains).collect(Collectors.toSet());
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int write(LesionIndex index, List<Lesion> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        UpsertResult result = index.upsert(List.copyOf(batch));
        batch.clear();
        return result.written();
    }
}
