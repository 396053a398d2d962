package org.lesionsearch.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.indexer.pipeline.ProgressListener;
import org.lesionsearch.models.inference.EncoderOptions;
import org.lesionsearch.models.inference.LesionEncoder;
import org.lesionsearch.models.inference.ModelBundles;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.cli.TinyModelBundle;
import org.lesionsearch.server.demo.DemoIndexBuilder;

/**
 * The demo's index in small: a synthetic cohort of two patients (six studies, with dates and
 * report labels) and the real DeepLesion sample (23 slices, 24 lesions), through the ingestion
 * pipeline and a real DJL model of the slim design with untrained weights, thumbnails included.
 * Built once per test JVM by {@link DemoIndexBuilder} and shared by the web and API tests, which
 * only read it (a test that writes uses its own index).
 */
public final class SampleIndex {

    public static final int PATIENTS = 2;
    public static final long SEED = 20180618;

    public record Built(Path folder, Path indexDir, Path cohort, LuceneLesionIndex index, LesionEncoder encoder,
            DemoIndexBuilder.Report report) {

        /** A server context over the sample: thumbnails and search by example on. */
        public ApiContext context(ServerConfig config) {
            return ApiContext.of(config, index).withThumbnailRoot(indexDir).withEncoder(encoder);
        }
    }

    private static Built built;

    private SampleIndex() {
    }

    public static synchronized Built get() {
        if (built == null) {
            try {
                built = build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return built;
    }

    private static Built build() throws IOException {
        Path folder = Files.createTempDirectory("lesion-search-sample");
        Path bundle = TinyModelBundle.write(folder.resolve("model"));
        LesionEncoder encoder = ModelBundles.open(bundle, EncoderOptions.defaults());
        Path indexDir = folder.resolve("index");
        Path cohort = folder.resolve("cohort");
        LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
        DemoIndexBuilder.Report report = new DemoIndexBuilder(encoder, LesionOntology.lesaNet(),
                new DemoIndexBuilder.Options(PATIENTS, SEED, cohort, SharedTestData.deepLesion(), 2))
                .build(index, indexDir, null, ProgressListener.NONE);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            encoder.close();
            index.close();
            deleteQuietly(folder);
        }));
        return new Built(folder, indexDir, cohort, index, encoder, report);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder; the OS cleans up what is left
        }
    }
}
