package org.lesionsearch.server.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.deeplesion.DeepLesionCsvReader;
import org.lesionsearch.indexer.deeplesion.DeepLesionRow;
import org.lesionsearch.indexer.deeplesion.DeepLesionSliceReader;
import org.lesionsearch.indexer.patch.HuSlice;
import org.lesionsearch.indexer.patch.LesionSlices;
import org.lesionsearch.indexer.patch.PatchExtractor;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchScale;
import org.lesionsearch.models.input.PatchSpec;
import org.lesionsearch.models.text.ReportLabelMiner;
import org.lesionsearch.models.training.SliceVolume;
import org.lesionsearch.models.training.Split;
import org.lesionsearch.models.training.TrainingData;
import org.lesionsearch.models.training.TrainingLesion;

/**
 * Reads a DeepLesion-format folder ({@code DL_info*.csv} beside {@code Images_png}) into training
 * data: every lesion's patches (key slice and neighbours, or the key slice alone), its coarse
 * type, location, size and split, labels and instance from an annotation sidecar, and for SSBR
 * the region patches of every run of consecutive slices of a series, cut at one of its lesions.
 * Rows that cannot be read are reported and skipped.
 */
public final class DeepLesionTrainingSet {

    /** Where lesion labels come from. */
    public enum LabelSource {
        /** The labels the sidecar lists (ground truth for synthetic data). */
        TRUTH,
        /** Labels mined from the sidecar's report sentence, as LesaNet trains on. */
        MINED
    }

    private final PatchSpec spec;
    private final String regionScale;
    private final LabelSource labelSource;
    private final int volumeSlices;
    private final PrintStream log;
    private final DeepLesionSliceReader reader = new DeepLesionSliceReader();

    /**
     * @param regionScale the scale the slice-score network reads
     * @param volumeSlices the fewest consecutive slices a series needs to give an SSBR volume
     */
    public DeepLesionTrainingSet(PatchSpec spec, String regionScale, LabelSource labelSource, int volumeSlices, PrintStream log) {
        this.spec = spec;
        this.regionScale = regionScale;
        this.labelSource = labelSource;
        this.volumeSlices = volumeSlices;
        this.log = log;
    }

    public TrainingData load(Path dir, LesionAnnotations annotations, LesionOntology ontology, int maxLesions) throws IOException {
        return load(dir, annotations, ontology, maxLesions, EnumSet.allOf(Split.class));
    }

    /** Reads only the lesions of the given splits, and only the slice runs of their series. */
    public TrainingData load(Path dir, LesionAnnotations annotations, LesionOntology ontology, int maxLesions, Set<Split> splits)
            throws IOException {
        Path images = dir.resolve("Images_png");
        if (!Files.isDirectory(images)) {
            throw new IOException(dir + ": not a DeepLesion folder, Images_png is missing");
        }
        List<DeepLesionRow> rows = new ArrayList<>();
        DeepLesionCsvReader csvReader = new DeepLesionCsvReader();
        for (Path csv : csvFiles(dir)) {
            DeepLesionCsvReader.Table table = csvReader.read(csv);
            table.errors().forEach(e -> log.println("skipped: " + e));
            table.rows().stream().filter(r -> splits.contains(Split.valueOf(r.split().name()))).forEach(rows::add);
        }
        if (maxLesions > 0 && rows.size() > maxLesions) {
            rows = rows.subList(0, maxLesions);
        }
        ReportLabelMiner miner = labelSource == LabelSource.MINED ? new ReportLabelMiner(ontology) : null;
        PatchExtractor lesionPatches = new PatchExtractor(spec);
        PatchScale region = spec.scale(regionScale).orElseThrow();
        PatchExtractor regionPatches = new PatchExtractor(new PatchSpec(List.of(region), spec.huWindow(), spec.fallbackWindows()));
        Map<String, List<DeepLesionRow>> bySeries = new LinkedHashMap<>();
        rows.forEach(r -> bySeries.computeIfAbsent(r.seriesFolder(), s -> new ArrayList<>()).add(r));

        List<TrainingLesion> lesions = new ArrayList<>();
        List<SliceVolume> volumes = new ArrayList<>();
        Set<String> unknownLabels = new TreeSet<>();
        int done = 0;
        int skipped = 0;
        int notDownloaded = 0;
        for (Map.Entry<String, List<DeepLesionRow>> series : bySeries.entrySet()) {
            Path folder = images.resolve(series.getKey());
            if (!Files.isDirectory(folder)) { // DeepLesion ships its images in parts; absent series are passed over
                notDownloaded += series.getValue().size();
                done += series.getValue().size();
                continue;
            }
            Map<Integer, HuSlice> cache = new HashMap<>();
            Map<String, Integer> ordinals = new HashMap<>();
            for (DeepLesionRow row : series.getValue()) {
                String id = row.lesionId(ordinals.merge(row.fileName(), 1, Integer::sum));
                try {
                    LesionSlices slices = slices(folder, row.keySlice(), row, cache);
                    LesionPatches patches = lesionPatches.extract(id, slices, row.boundingBox().centerX(), row.boundingBox().centerY());
                    LesionAnnotations.Annotation annotation = annotations.get(id).orElse(null);
                    Set<String> labels = labels(annotation, miner, ontology, unknownLabels);
                    lesions.add(new TrainingLesion(id, row.patientKey(), row.studyKey(),
                            annotation == null ? null : annotation.instance(), row.coarseType(), row.location(),
                            row.longDiameterPx() * row.spacing().x(), labels, patches, Split.valueOf(row.split().name())));
                } catch (IOException | RuntimeException e) {
                    skipped++;
                    log.println("skipped lesion " + id + " (" + folder.resolve(DeepLesionRow.sliceFileName(row.keySlice()))
                            + "): " + e.getMessage());
                }
                done++;
                if (done % 100 == 0) {
                    log.printf(Locale.ROOT, "\rreading lesions: %d/%d", done, rows.size());
                }
            }
            volumes.addAll(volumes(folder, series.getValue(), regionPatches, cache));
        }
        log.printf(Locale.ROOT, "\rreading lesions: %d read, %d skipped, %d without images, %d SSBR volumes%n", lesions.size(),
                skipped, notDownloaded, volumes.size());
        if (!unknownLabels.isEmpty()) {
            log.println("labels outside the model's 171 were left out: " + unknownLabels);
        }
        String source = labelSource == LabelSource.MINED ? "labels mined from report sentences" : "labels from the annotation file";
        return new TrainingData(lesions, volumes, origin(dir) + " (" + lesions.size() + " lesions, " + volumes.size()
                + " slice volumes, " + source + ")");
    }

    /** The synthetic cohort's marker file names its seed and size; anything else is a DeepLesion-format folder. */
    private static String origin(Path dir) throws IOException {
        Path marker = dir.resolve("SYNTHETIC_DATA.txt");
        if (!Files.isRegularFile(marker)) {
            return "DeepLesion-format folder " + dir.getFileName();
        }
        String seed = "?";
        String patients = "?";
        for (String line : Files.readAllLines(marker)) {
            if (line.startsWith("seed:")) {
                seed = line.substring(5).trim();
            } else if (line.startsWith("patients:")) {
                patients = line.substring(9).trim();
            }
        }
        return "synthetic cohort, not clinical data ('lesion-search synth --patients " + patients + " --seed " + seed + "')";
    }

    private Set<String> labels(LesionAnnotations.Annotation annotation, ReportLabelMiner miner, LesionOntology ontology,
                               Set<String> unknown) {
        if (annotation == null) {
            return Set.of();
        }
        Set<String> raw = switch (labelSource) {
            case TRUTH -> annotation.labels();
            case MINED -> annotation.sentence() == null ? Set.of() : miner.mine(annotation.sentence()).relevant();
        };
        Set<String> kept = new LinkedHashSet<>();
        for (String label : raw) {
            if (!ontology.isKnownName(label)) {
                unknown.add(label);
                continue;
            }
            for (String term : ontology.expandParents(List.of(label))) {
                if (ontology.vocabulary().contains(term)) {
                    kept.add(term);
                } else {
                    unknown.add(term);
                }
            }
        }
        return kept;
    }

    private LesionSlices slices(Path folder, int key, DeepLesionRow row, Map<Integer, HuSlice> cache) throws IOException {
        HuSlice keySlice = slice(folder, key, row, cache);
        Path below = folder.resolve(DeepLesionRow.sliceFileName(key - 1));
        Path above = folder.resolve(DeepLesionRow.sliceFileName(key + 1));
        if (Files.exists(below) && Files.exists(above)) {
            return new LesionSlices(keySlice, slice(folder, key - 1, row, cache), slice(folder, key + 1, row, cache));
        }
        return LesionSlices.keyOnly(keySlice);
    }

    private HuSlice slice(Path folder, int number, DeepLesionRow row, Map<Integer, HuSlice> cache) throws IOException {
        HuSlice cached = cache.get(number);
        if (cached == null) {
            cached = reader.read(folder.resolve(DeepLesionRow.sliceFileName(number)), row.spacing().x(), row.spacing().y());
            cache.put(number, cached);
        }
        return cached;
    }

    /**
     * Every run of at least {@code volumeSlices} consecutive slices in the folder, each cut at the
     * centre of a lesion whose key slice lies in it (else the series' first lesion).
     */
    private List<SliceVolume> volumes(Path folder, List<DeepLesionRow> rows, PatchExtractor extractor,
                                      Map<Integer, HuSlice> cache) {
        TreeSet<Integer> numbers = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+\\.png"))
                    .forEach(n -> numbers.add(Integer.parseInt(n.substring(0, n.length() - 4))));
        } catch (IOException e) {
            log.println("skipped SSBR volumes of " + folder + ": " + e.getMessage());
            return List.of();
        }
        List<SliceVolume> out = new ArrayList<>();
        for (int start : numbers) {
            if (numbers.contains(start - 1)) {
                continue;
            }
            int length = 1;
            while (numbers.contains(start + length)) {
                length++;
            }
            if (length < volumeSlices) {
                continue;
            }
            final int first = start;
            final int last = start + length - 1;
            DeepLesionRow row = rows.stream().filter(r -> r.keySlice() >= first && r.keySlice() <= last).findFirst()
                    .orElse(rows.getFirst());
            List<float[]> slices = new ArrayList<>();
            try {
                for (int n = first; n <= last; n++) {
                    HuSlice key = slice(folder, n, row, cache);
                    // the ends of a run repeat themselves as their missing neighbour, so every slice
                    // keeps the neighbour window the lesions' patches use
                    LesionSlices s = new LesionSlices(key, n > first ? slice(folder, n - 1, row, cache) : key,
                            n < last ? slice(folder, n + 1, row, cache) : key);
                    slices.add(extractor.extract(folder.getFileName() + "/" + n, s, row.boundingBox().centerX(),
                            row.boundingBox().centerY()).patches().getFirst());
                }
                out.add(new SliceVolume(folder.getFileName() + "/" + first + "-" + last, row.patientKey(), slices));
            } catch (IOException | RuntimeException e) {
                log.println("skipped SSBR volume " + folder + " slices " + first + "-" + last + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static List<Path> csvFiles(Path dir) throws IOException {
        Path main = dir.resolve("DL_info.csv");
        if (Files.isRegularFile(main)) {
            return List.of(main);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("DL_info.*\\.csv")).sorted().toList();
            if (found.isEmpty()) {
                throw new IOException(dir + ": not a DeepLesion folder, no DL_info.csv in it");
            }
            return found;
        }
    }
}
