package org.lesionsearch.indexer.dicomweb;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * A folder of DICOM instances laid out as {@code <study UID>/<series UID>/<SOP instance UID>.dcm},
 * the shape the DICOM folder source reads. Instances pulled from a PACS and pushed through
 * STOW-RS land here. Each file is checked first and appears under its final name in one
 * atomic move, so a reader never sees half an instance; staging files live under
 * {@value #STAGING}, which readers skip like every name starting with a dot.
 */
public final class DicomInstanceStore {

    public static final String STAGING = ".incoming";
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final Path root;
    private final Path staging;

    public DicomInstanceStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve(STAGING);
        Files.createDirectories(staging);
    }

    public Path root() {
        return root;
    }

    /** A new empty staging file to write an arriving instance into, before {@link #accept}. */
    public Path newStagingFile() throws IOException {
        return Files.createTempFile(staging, "instance-", ".part");
    }

    /** A new empty staging folder (for a series retrieved as a whole). */
    public Path newStagingFolder() throws IOException {
        return Files.createTempDirectory(staging, "series-");
    }

    /** Where an instance with these UIDs is stored. */
    public Path pathOf(String studyUid, String seriesUid, String sopInstanceUid) {
        return root.resolve(studyUid).resolve(seriesUid).resolve(sopInstanceUid + ".dcm");
    }

    /**
     * Checks a staged file and moves it to its place, replacing an earlier copy of the same
     * instance. A refused file is deleted.
     *
     * @param requiredStudyUid the study the instance must belong to, or {@code null}
     */
    public Outcome accept(Path stagedFile, String requiredStudyUid) {
        DicomInstanceHeader header;
        try {
            header = DicomInstanceHeader.read(stagedFile);
        } catch (DicomReadException e) {
            deleteQuietly(stagedFile);
            return new Outcome.Refused(null, StowResponse.CANNOT_UNDERSTAND, e.getMessage().replace(stagedFile + ": ", ""));
        }
        Outcome.Refused refused = check(header, requiredStudyUid);
        if (refused != null) {
            deleteQuietly(stagedFile);
            return refused;
        }
        Path target = pathOf(header.studyUid(), header.seriesUid(), header.sopInstanceUid());
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(stagedFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(stagedFile, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(stagedFile);
            return new Outcome.Refused(header, StowResponse.OUT_OF_RESOURCES, "cannot store: " + e.getMessage());
        }
        return new Outcome.Stored(header, target);
    }

    /** Why the lesion pipeline cannot take an instance, or {@code null} when it can. */
    private static Outcome.Refused check(DicomInstanceHeader h, String requiredStudyUid) {
        int mismatch = StowResponse.DATA_SET_DOES_NOT_MATCH_SOP_CLASS;
        if (!validUid(h.sopInstanceUid())) {
            return new Outcome.Refused(h, mismatch, "missing or invalid SOP Instance UID (0008,0018)");
        }
        if (!validUid(h.studyUid())) {
            return new Outcome.Refused(h, mismatch, "missing or invalid Study Instance UID (0020,000D)");
        }
        if (!validUid(h.seriesUid())) {
            return new Outcome.Refused(h, mismatch, "missing or invalid Series Instance UID (0020,000E)");
        }
        if (h.sopClassUid().isEmpty()) {
            return new Outcome.Refused(h, mismatch, "missing SOP Class UID (0008,0016)");
        }
        if (SopClasses.accepted(h.sopClassUid()).isEmpty()) {
            return new Outcome.Refused(h, StowResponse.SOP_CLASS_NOT_SUPPORTED,
                    "SOP class " + h.sopClassUid() + " is neither CT image nor SR");
        }
        if (SopClasses.isImage(h.sopClassUid()) && !h.hasPixelData()) {
            return new Outcome.Refused(h, mismatch, "CT image without Pixel Data (7FE0,0010)");
        }
        if (requiredStudyUid != null && !requiredStudyUid.equals(h.studyUid())) {
            return new Outcome.Refused(h, mismatch, "Study Instance UID differs from the request's study");
        }
        return null;
    }

    /** A UID that is also a safe file name: digits and dots, at most 64 characters. */
    public static boolean validUid(String uid) {
        return uid != null && uid.length() <= 64 && UID.matcher(uid).matches();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover staging file is harmless: readers skip the staging folder
        }
    }

    /** What became of one instance. */
    public sealed interface Outcome {

        /** Stored at {@code path}. */
        record Stored(DicomInstanceHeader header, Path path) implements Outcome {}

        /**
         * Refused with a STOW-RS Failure Reason and a short reason in words.
         *
         * @param header {@code null} when the file could not be read at all
         */
        record Refused(DicomInstanceHeader header, int failureReason, String reason) implements Outcome {}
    }
}
