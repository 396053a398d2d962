package org.lesionsearch.indexer.dicomweb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an incremental crawl of one PACS has already taken, kept in a JSON file: the series
 * fetched per study, the series count of each study when it was last fully handled (so an
 * unchanged study is not listed again), and the study date watermark below which every
 * study has been handled (so the next study search starts there).
 *
 * <p>The file is replaced atomically on {@link #save()}; a crash leaves the previous one.
 */
public final class CrawlState {

    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final String source;
    private LocalDate watermark;
    private final Map<String, StudyEntry> studies;
    /** Whether memory differs from the file; an unchanged state is not written again. */
    private boolean dirty;

    /** One study's record. {@code seriesCount} is -1 until the study has been fully handled. */
    record StudyEntry(int seriesCount, Set<String> series) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileFormat(int version, String source, String watermark, Map<String, StudyEntry> studies) {}

    private CrawlState(Path file, String source, LocalDate watermark, Map<String, StudyEntry> studies) {
        this.file = file;
        this.source = source;
        this.watermark = watermark;
        this.studies = studies;
    }

    /**
     * Loads the state of a crawl of {@code source}, or starts an empty one when the file does
     * not exist.
     *
     * @throws IllegalArgumentException when the file is unreadable, malformed or belongs to another PACS
     */
    public static CrawlState load(Path file, URI source) {
        String src = source.toString();
        if (!Files.exists(file)) {
            CrawlState fresh = new CrawlState(file, src, null, new TreeMap<>());
        fresh.dirty = true;
        return fresh;
        }
        FileFormat f;
        try {
            f = JSON.readValue(file.toFile(), FileFormat.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("crawl state " + file + " is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("crawl state " + file + " is unreadable: " + e.getMessage());
        }
        if (f == null || f.version() != VERSION) {
            throw new IllegalArgumentException("crawl state " + file + " has version " + (f == null ? "none" : f.version())
                    + ", expected " + VERSION);
        }
        if (!src.equals(f.source())) {
            throw new IllegalArgumentException("crawl state " + file + " belongs to " + f.source() + ", not " + src
                    + "; use another state file for another PACS");
        }
        LocalDate mark;
        try {
            mark = f.watermark() == null ? null : LocalDate.parse(f.watermark());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("crawl state " + file + " has an invalid watermark '" + f.watermark() + "'");
        }
        Map<String, StudyEntry> studies = new TreeMap<>();
        if (f.studies() != null) {
            f.studies().forEach((uid, entry) -> studies.put(uid,
                    new StudyEntry(entry.seriesCount(), new TreeSet<>(entry.series() == null ? Set.of() : entry.series()))));
        }
        return new CrawlState(file, src, mark, studies);
    }

    public Path file() {
        return file;
    }

    /** Every study dated before this has been handled; {@code null} before the first crawl. */
    public LocalDate watermark() {
        return watermark;
    }

    void watermark(LocalDate date) {
        dirty |= !Objects.equals(watermark, date);
        this.watermark = date;
    }

    public boolean seen(String studyUid, String seriesUid) {
        StudyEntry e = studies.get(studyUid);
        return e != null && e.series().contains(seriesUid);
    }

    public int seenSeriesCount() {
        return studies.values().stream().mapToInt(e -> e.series().size()).sum();
    }

    /** True when the study was fully handled with the series count the PACS reports now. */
    public boolean unchanged(StudyRef study) {
        StudyEntry e = studies.get(study.studyUid());
        return e != null && study.seriesCount() >= 0 && e.seriesCount() == study.seriesCount();
    }

    void markSeen(String studyUid, String seriesUid) {
        dirty |= studies.computeIfAbsent(studyUid, k -> new StudyEntry(-1, new TreeSet<>())).series().add(seriesUid);
    }

    /** Records that every series of the study the PACS listed has been handled. */
    void markHandled(StudyRef study) {
        StudyEntry old = studies.get(study.studyUid());
        Set<String> series = old == null ? new TreeSet<>() : old.series();
        if (old == null || old.seriesCount() != study.seriesCount()) {
            studies.put(study.studyUid(), new StudyEntry(study.seriesCount(), series));
            dirty = true;
        }
    }

    /** Writes the state atomically (through a file beside it), when it changed since it was read or saved. */
    public void save() {
        if (!dirty) {
            return;
        }
        FileFormat f = new FileFormat(VERSION, source, watermark == null ? null : watermark.toString(), studies);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), f);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write crawl state " + file, e);
        }
    }
}
