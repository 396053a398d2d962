package org.lesionsearch.server.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionValidator;
import org.lesionsearch.core.lesion.Violation;
import org.lesionsearch.server.api.json.JsonProblem;

/**
 * Imports precomputed lesion records from JSON Lines (one lesion object per line, the shape of
 * {@code GET /api/lesions/{id}}) in batches. A bad line (malformed JSON, NaN, wrong dimension,
 * unknown label, missing id...) is refused with its line number and reason; the rest goes on.
 * Writes are committed every {@code commitEvery} lesions and at the end, so an interrupted import
 * keeps what was committed and can simply be run again (upserts are idempotent by id).
 */
public final class JsonLinesImporter {

    /** Settings. {@code maxLineChars} bounds the memory one line may take. */
    public record Options(int batchSize, int commitEvery, int maxLineChars, int keepRejections) {

        public Options {
            if (batchSize < 1 || commitEvery < 1 || maxLineChars < 1 || keepRejections < 0) {
                throw new IllegalArgumentException("batch size, commit interval and line limit must be positive");
            }
        }

        public static Options defaults() {
            return new Options(500, 10_000, 4 * 1024 * 1024, 10_000);
        }
    }

    private final LesionIndex index;
    private final ObjectMapper mapper;
    private final LesionValidator validator;
    private final Options options;

    public JsonLinesImporter(LesionIndex index, ObjectMapper mapper, LesionValidator validator, Options options) {
        this.index = index;
        this.mapper = mapper;
        this.validator = validator;
        this.options = options;
    }

    /** Reads UTF-8 JSON Lines to the end of {@code input}; I/O errors on the input end the import and propagate. */
    public ImportSummary importFrom(InputStream input, ImportListener listener) throws IOException {
        long started = System.nanoTime();
        Run run = new Run(listener);
        CountingInputStream counted = new CountingInputStream(input);
        try (JsonLinesReader lines = new JsonLinesReader(new InputStreamReader(counted, StandardCharsets.UTF_8),
                options.maxLineChars())) {
            JsonLinesReader.Line line;
            while ((line = lines.next()) != null) {
                if (!line.tooLong() && line.text().isBlank()) {
                    continue;
                }
                run.records++;
                run.read(line);
                if (run.batch.size() >= options.batchSize()) {
                    run.flush();
                    listener.progress(run.records, run.imported, run.rejectedCount, counted.count());
                }
            }
        } finally {
            run.flush();
            if (run.uncommitted > 0) {
                index.commit();
            }
        }
        listener.progress(run.records, run.imported, run.rejectedCount, counted.count());
        run.kept.sort(java.util.Comparator.comparingLong(LineRejection::line));
        return new ImportSummary(run.records, run.imported, run.rejectedCount, run.kept,
                (System.nanoTime() - started) / 1e9);
    }

    /** The state of one import. */
    private final class Run {
        final ImportListener listener;
        final List<Lesion> batch = new ArrayList<>();
        final List<Long> batchLines = new ArrayList<>();
        final List<LineRejection> kept = new ArrayList<>();
        long records;
        long imported;
        long rejectedCount;
        long uncommitted;

        Run(ImportListener listener) {
            this.listener = listener;
        }

        void read(JsonLinesReader.Line line) {
            if (line.tooLong()) {
                reject(line.number(), null, "line is " + line.length() + " characters long, more than the limit of "
                        + options.maxLineChars());
                return;
            }
            Lesion lesion;
            try {
                lesion = mapper.readValue(line.text(), Lesion.class);
            } catch (JsonProcessingException e) {
                reject(line.number(), null, JsonProblem.of(e, false).message());
                return;
            }
            if (lesion == null) {
                reject(line.number(), null, "expected a lesion object, got null");
                return;
            }
            String id = lesion.id() == null ? null : lesion.id().value();
            List<Violation> violations = validator.violations(lesion);
            if (!violations.isEmpty()) {
                reject(line.number(), id, String.join("; ", violations.stream().map(Violation::toString).toList()));
                return;
            }
            batch.add(lesion);
            batchLines.add(line.number());
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            UpsertResult result = index.upsert(batch);
            for (UpsertResult.Rejected r : result.rejected()) {
                reject(batchLines.get(r.position()), r.lesionId(), r.reason());
            }
            imported += result.written();
            uncommitted += result.written();
            batch.clear();
            batchLines.clear();
            if (uncommitted >= options.commitEvery()) {
                index.commit();
                uncommitted = 0;
            }
        }

        void reject(long line, String id, String reason) {
            LineRejection rejection = new LineRejection(line, id, reason);
            rejectedCount++;
            if (kept.size() < options.keepRejections()) {
                kept.add(rejection);
            }
            listener.rejected(rejection);
        }
    }
}
