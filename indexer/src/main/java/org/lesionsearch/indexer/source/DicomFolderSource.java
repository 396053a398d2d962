package org.lesionsearch.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.lesionsearch.indexer.dicom.DicomData;
import org.lesionsearch.indexer.dicom.DicomInstance;
import org.lesionsearch.indexer.dicom.DicomReader;
import org.lesionsearch.indexer.dicom.InvalidDicomException;
import org.lesionsearch.indexer.dicom.Measurement;
import org.lesionsearch.indexer.dicom.MeasurementSidecar;

/**
 * A folder of DICOM files, searched recursively (names starting with a dot are skipped): CT
 * series, SR measurement reports and measurement sidecar files
 * ({@link MeasurementSidecar}). Files are recognised by the {@code DICM} prefix of PS3.10, or
 * by a {@code .dcm} name for bare data sets.
 */
public final class DicomFolderSource implements LesionSource {

    public static final String PASSED_OVER_NOT_DICOM = "files that are neither DICOM nor measurement sidecars";

    private final Path root;
    private final DicomReader reader = new DicomReader();

    public DicomFolderSource(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": no such DICOM folder");
        }
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String description() {
        return "dicom:" + root;
    }

    @Override
    public SourceScan scan() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> !hidden(root.relativize(p))).filter(Files::isRegularFile).sorted().toList();
        }
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Long> passedOver = new HashMap<>();
        List<Measurement> measurements = new ArrayList<>();
        List<Path> dicomFiles = new ArrayList<>();
        MeasurementSidecar sidecars = new MeasurementSidecar();
        for (Path file : files) {
            if (MeasurementSidecar.isSidecar(file)) {
                try {
                    MeasurementSidecar.Contents c = sidecars.read(file);
                    measurements.addAll(c.measurements());
                    c.errors().forEach(e -> rejections.add(new Rejection(null, file.toString(), e)));
                } catch (IOException e) {
                    rejections.add(new Rejection(null, file.toString(), e.getMessage()));
                }
            } else if (looksLikeDicom(file)) {
                dicomFiles.add(file);
            } else {
                passedOver.merge(PASSED_OVER_NOT_DICOM, 1L, Long::sum);
            }
        }
        // headers are read in parallel; the file order (and so which duplicate wins) stays the sorted one
        List<Object> read = dicomFiles.parallelStream().map(this::readHeader).toList();
        List<DicomInstance> instances = new ArrayList<>();
        for (Object o : read) {
            if (o instanceof DicomInstance i) {
                instances.add(i);
            } else {
                rejections.add((Rejection) o);
            }
        }
        return new DicomLesionAssembler(reader).assemble(description(), instances, measurements, rejections, passedOver);
    }

    private Object readHeader(Path file) {
        try {
            return reader.readInstance(DicomData.of(file));
        } catch (InvalidDicomException e) {
            return new Rejection(null, file.toString(), e.getMessage().replace(file + ": ", ""));
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static boolean looksLikeDicom(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && Arrays.equals(head, 128, 132, "DICM".getBytes(StandardCharsets.US_ASCII), 0, 4);
        } catch (IOException e) {
            return false;
        }
    }
}
