package org.lesionsearch.server.training;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.models.training.SliceVolume;
import org.lesionsearch.models.training.Split;
import org.lesionsearch.models.training.TrainingData;
import org.lesionsearch.models.training.TrainingLesion;

/**
 * Reads one or more DeepLesion-format folders, each with its annotation sidecar, into one
 * {@link TrainingData}: what training and model evaluation read. The sidecar is the file given,
 * else a ground-truth file in the folder (the synthetic cohort writes one), else none.
 */
public final class DeepLesionFolders {

    private static final List<String> GROUND_TRUTH_NAMES = List.of("ground_truth.jsonl", "ground-truth.jsonl",
            "ground_truth.json", "ground-truth.json", "annotations.jsonl");

    /** A folder or annotation file that is not there: the user's input, not the data, is wrong. */
    public static final class MissingInputException extends IOException {
        public MissingInputException(String message) {
            super(message);
        }
    }

    private final DeepLesionTrainingSet reader;
    private final LesionOntology ontology;
    private final PrintWriter warnings;

    public DeepLesionFolders(DeepLesionTrainingSet reader, LesionOntology ontology, PrintWriter warnings) {
        this.reader = reader;
        this.ontology = ontology;
        this.warnings = warnings;
    }

    /**
     * @param annotations the sidecar for every folder, or {@code null} to look for one in each
     * @param maxLesions read at most this many lesions per folder (0: all)
     */
    public TrainingData read(List<Path> folders, Path annotations, int maxLesions) throws IOException {
        return read(folders, annotations, maxLesions, EnumSet.allOf(Split.class));
    }

    /** As {@link #read(List, Path, int)}, keeping only the lesions (and slice runs of their series) of {@code splits}. */
    public TrainingData read(List<Path> folders, Path annotations, int maxLesions, Set<Split> splits) throws IOException {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new MissingInputException(folder + " is not a folder");
            }
        }
        TrainingData all = null;
        for (Path folder : folders) {
            TrainingData read = reader.load(folder, annotations(folder, annotations), ontology, maxLesions, splits);
            all = all == null ? read : merge(all, read);
        }
        return all;
    }

    private LesionAnnotations annotations(Path folder, Path given) throws IOException {
        Path file = given;
        if (file == null) {
            file = GROUND_TRUTH_NAMES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
        }
        if (file == null) {
            return LesionAnnotations.none();
        }
        if (!Files.isRegularFile(file)) {
            throw new MissingInputException("annotation file " + file + " does not exist");
        }
        LesionAnnotations read = LesionAnnotations.read(file);
        read.problems().stream().limit(20).forEach(p -> warnings.println("warning: " + p));
        return read;
    }

    private static TrainingData merge(TrainingData a, TrainingData b) {
        List<TrainingLesion> lesions = new ArrayList<>(a.lesions());
        lesions.addAll(b.lesions());
        List<SliceVolume> volumes = new ArrayList<>(a.volumes());
        volumes.addAll(b.volumes());
        return new TrainingData(lesions, volumes, a.description() + " + " + b.description());
    }
}
