package org.lesionsearch.indexer.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.lesionsearch.core.ontology.LesionOntology;

/**
 * A small cohort generated once per test run and shared by the tests that read files: the same
 * patients in DeepLesion and in DICOM layout. Removed when the JVM exits.
 */
public final class SyntheticCohort {

    public static final long SEED = 11;
    public static final int PATIENTS = 2;

    private static Path deepLesion;
    private static Path dicom;

    private SyntheticCohort() {
    }

    public static synchronized Path deepLesion() {
        if (deepLesion == null) {
            deepLesion = generate(OutputFormat.DEEPLESION);
        }
        return deepLesion;
    }

    public static synchronized Path dicom() {
        if (dicom == null) {
            dicom = generate(OutputFormat.DICOM);
        }
        return dicom;
    }

    public static SynthOptions options(OutputFormat format) {
        return SynthOptions.defaults(PATIENTS, SEED).withFormat(format).withThreads(2);
    }

    private static Path generate(OutputFormat format) {
        try {
            Path dir = Files.createTempDirectory("synth-" + format.name().toLowerCase(java.util.Locale.ROOT) + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            new CohortGenerator(options(format), LesionOntology.lesaNet()).generate(dir.resolve("cohort"), null);
            return dir.resolve("cohort");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temporary folder
        }
    }
}
