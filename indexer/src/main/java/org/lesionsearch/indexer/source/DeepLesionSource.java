package org.lesionsearch.indexer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.indexer.deeplesion.DeepLesionCsvReader;
import org.lesionsearch.indexer.deeplesion.DeepLesionRow;
import org.lesionsearch.indexer.deeplesion.DeepLesionSliceReader;

/**
 * A DeepLesion folder: {@code DL_info.csv} (or {@code DL_info_*.csv}) beside {@code Images_png}.
 * One lesion per CSV row; the neighbour slices come from {@code Slice_range} when the files are
 * there, else the patch falls back to the key slice alone. Rows whose key slice is absent
 * (DeepLesion ships its images in 56 archives, and users often have some of them; samples hold
 * key slices only) are passed over and counted, not rejected; a key slice that is there but
 * cannot be decoded is a rejection.
 */
public final class DeepLesionSource implements LesionSource {

    public static final String IMAGES_FOLDER = "Images_png";
    public static final String PASSED_OVER_NOT_DOWNLOADED = "rows whose key slice is absent from Images_png";

    private final Path root;
    private final List<Path> csvFiles;
    private final Path images;
    private final DeepLesionSliceReader sliceReader;

    /** @param location a DeepLesion folder, or one of its {@code DL_info*.csv} files */
    public DeepLesionSource(Path location) throws IOException {
        this(location, DeepLesionSliceReader.Decoder.FAST);
    }

    public DeepLesionSource(Path location, DeepLesionSliceReader.Decoder decoder) throws IOException {
        this.sliceReader = new DeepLesionSliceReader(decoder);
        if (Files.isRegularFile(location)) {
            this.root = location.toAbsolutePath().getParent();
            this.csvFiles = List.of(location.toAbsolutePath());
        } else if (Files.isDirectory(location)) {
            this.root = location.toAbsolutePath();
            this.csvFiles = findCsvFiles(root);
        } else {
            throw new IOException(location + ": no such DeepLesion folder or DL_info.csv file");
        }
        this.images = root.resolve(IMAGES_FOLDER);
        if (!Files.isDirectory(images)) {
            throw new IOException(root + ": not a DeepLesion folder, " + IMAGES_FOLDER + " is missing");
        }
    }

    private static List<Path> findCsvFiles(Path root) throws IOException {
        Path main = root.resolve("DL_info.csv");
        if (Files.isRegularFile(main)) {
            return List.of(main);
        }
        try (Stream<Path> files = Files.list(root)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("DL_info.*\\.csv"))
                    .sorted().toList();
            if (found.isEmpty()) {
                throw new IOException(root + ": not a DeepLesion folder, no DL_info.csv in it");
            }
            return found;
        }
    }

    @Override
    public String description() {
        return "deeplesion:" + root;
    }

    @Override
    public SourceScan scan() throws IOException {
        DeepLesionCsvReader reader = new DeepLesionCsvReader();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, List<Numbered>> bySeries = new LinkedHashMap<>();
        long notDownloaded = 0;
        for (Path csv : csvFiles) {
            DeepLesionCsvReader.Table table = reader.read(csv);
            for (DeepLesionCsvReader.RowError e : table.errors()) {
                rejections.add(new Rejection(null, e.file() + ":" + e.line(), e.message()));
            }
            Map<String, Integer> onSlice = new HashMap<>();
            for (DeepLesionRow row : table.rows()) {
                int ordinal = onSlice.merge(row.fileName(), 1, Integer::sum);
                Path keySlice = images.resolve(row.seriesFolder()).resolve(DeepLesionRow.sliceFileName(row.keySlice()));
                if (!Files.exists(keySlice)) {
                    notDownloaded++;
                    continue;
                }
                bySeries.computeIfAbsent(row.seriesFolder(), f -> new ArrayList<>()).add(new Numbered(csv, row, ordinal));
            }
        }
        List<SeriesWork> work = new ArrayList<>();
        for (var entry : bySeries.entrySet()) {
            List<Numbered> rows = entry.getValue();
            rows.sort(Comparator.comparingInt((Numbered n) -> n.row.keySlice()).thenComparingInt(n -> n.ordinal));
            DeepLesionRow first = rows.getFirst().row;
            Path folder = images.resolve(entry.getKey());
            double sx = first.spacing().x(), sy = first.spacing().y();
            work.add(new SeriesWork(entry.getKey(), rows.stream().map(n -> candidate(n, folder)).toList(),
                    sliceKey -> sliceReader.read(folder.resolve(sliceKey), sx, sy)));
        }
        return new SourceScan(work, rejections,
                notDownloaded == 0 ? Map.of() : Map.of(PASSED_OVER_NOT_DOWNLOADED, notDownloaded));
    }

    private LesionCandidate candidate(Numbered n, Path folder) {
        DeepLesionRow row = n.row;
        double sx = row.spacing().x();
        Lesion lesion = Lesion.builder(row.lesionId(n.ordinal))
                .patientId(row.patientKey())
                .studyId(row.studyKey())
                .seriesId(row.seriesFolder())
                .keySlice(row.keySlice())
                .patientAge(row.age())
                .sex(row.sex())
                .recist(new Recist(row.longDiameterPx() * sx, row.shortDiameterPx() * sx, row.measurementCoordinates()))
                .boundingBox(row.boundingBox())
                .spacing(row.spacing())
                .location(row.location())
                .coarseType(row.coarseType())
                .source("deeplesion:" + n.csv)
                .build();
        int offset = NeighbourSlices.offset(row.spacing().z());
        int below = row.keySlice() - offset, above = row.keySlice() + offset;
        boolean neighbours = row.sliceRange().contains(below) && row.sliceRange().contains(above);
        String file = folder.resolve(DeepLesionRow.sliceFileName(row.keySlice())) + " (" + n.csv.getFileName() + ":" + row.line() + ")";
        return new LesionCandidate(lesion, file, DeepLesionRow.sliceFileName(row.keySlice()),
                neighbours ? DeepLesionRow.sliceFileName(below) : null,
                neighbours ? DeepLesionRow.sliceFileName(above) : null,
                row.dicomWindow());
    }

    private record Numbered(Path csv, DeepLesionRow row, int ordinal) {
    }
}
