package org.lesionsearch.server.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.lesion.Spacing;
import org.lesionsearch.core.tracking.evaluation.GroundTruthCohort;
import org.lesionsearch.indexer.synth.output.GroundTruthFiles;
import org.lesionsearch.indexer.synth.output.GroundTruthRecord;

/**
 * The synthetic cohort's ground truth ({@code ground_truth.jsonl} written by {@code lesion-search
 * synth}) as a matching cohort: every measured lesion with its instance id. The lesions are
 * either built from the truth file itself (what the radiologist measured: normalised location
 * and RECIST diameters as written to {@code DL_info.csv}, no embedding) or taken from an index
 * the cohort was ingested into, which adds the embeddings and labels the models gave them.
 */
public final class SyntheticTruth {

    private SyntheticTruth() {
    }

    /** The truth file of a synthetic cohort folder (or the file itself). */
    public static Path truthFile(Path folderOrFile) {
        return Files.isDirectory(folderOrFile) ? folderOrFile.resolve(GroundTruthFiles.LESIONS) : folderOrFile;
    }

    /** Lesions as measured, from the truth file alone. */
    public static GroundTruthCohort read(Path folderOrFile) throws IOException {
        Path file = truthFile(folderOrFile);
        List<GroundTruthRecord> records = GroundTruthFiles.readLesions(file);
        List<Lesion> lesions = new ArrayList<>(records.size());
        Map<LesionId, String> instances = new HashMap<>();
        for (GroundTruthRecord r : records) {
            Lesion lesion = lesion(r, file);
            lesions.add(lesion);
            instances.put(lesion.id(), r.instanceId());
        }
        return new GroundTruthCohort("synthetic " + file, lesions, instances, true, Set.of());
    }

    /**
     * The indexed lesions of the cohort (with their embeddings and predicted labels), each with
     * its instance id from the truth file; lesions of the truth file missing from the index are
     * left out and counted.
     */
    public static Indexed readIndexed(Path folderOrFile, LesionIndex index) throws IOException {
        GroundTruthCohort truth = read(folderOrFile);
        List<Lesion> lesions = new ArrayList<>();
        int missing = 0;
        for (Lesion l : truth.lesions()) {
            var indexed = index.get(l.id());
            if (indexed.isPresent()) {
                lesions.add(indexed.get());
            } else {
                missing++;
            }
        }
        Map<LesionId, String> instances = new HashMap<>();
        lesions.forEach(l -> instances.put(l.id(), truth.instances().get(l.id())));
        return new Indexed(new GroundTruthCohort(truth.name() + " (indexed)", lesions, instances, true, Set.of()),
                missing);
    }

    /** A cohort taken from an index and how many truth records the index lacked. */
    public record Indexed(GroundTruthCohort cohort, int missingFromIndex) {
    }

    private static Lesion lesion(GroundTruthRecord r, Path file) throws IOException {
        String where = file + ": lesion " + r.lesionId();
        if (r.measuredLocation() == null || r.measuredLocation().length != 3) {
            throw new IOException(where + ": measuredLocation must hold 3 numbers");
        }
        LocalDate date;
        try {
            date = r.studyDate() == null ? null : LocalDate.parse(r.studyDate());
        } catch (DateTimeParseException e) {
            throw new IOException(where + ": studyDate '" + r.studyDate() + "' is not a date (yyyy-mm-dd)", e);
        }
        double[] loc = r.measuredLocation();
        String patient = String.format(Locale.ROOT, "%06d", r.patientIndex());
        return Lesion.builder(r.lesionId())
                .patientId(patient)
                .studyId(String.format(Locale.ROOT, "%s_%02d", patient, r.studyIndex()))
                .seriesId(String.format(Locale.ROOT, "%s_%02d_%02d", patient, r.studyIndex(), r.seriesId()))
                .keySlice(r.keySlice())
                .studyDate(date)
                .patientAge(r.patientAge())
                .sex(r.sex() == null ? Sex.UNKNOWN : Sex.parse(r.sex()))
                .recist(Recist.of(Math.max(r.measuredLongAxisMm(), r.measuredShortAxisMm()),
                        Math.min(r.measuredLongAxisMm(), r.measuredShortAxisMm())))
                .spacing(r.spacingMm() == null || r.spacingMm().length != 3 ? null
                        : new Spacing(r.spacingMm()[0], r.spacingMm()[1], r.spacingMm()[2]))
                .location(new BodyLocation(unit(loc[0]), unit(loc[1]), unit(loc[2])))
                .coarseType(r.coarseType() == 0 ? CoarseType.UNKNOWN : CoarseType.fromCode(r.coarseType()))
                .reportLabels(Set.copyOf(r.labels()))
                .source("synthetic:" + file)
                .build();
    }

    private static double unit(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
