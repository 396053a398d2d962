package org.lesionsearch.indexer.dicomweb;

import java.util.Map;
import java.util.Optional;

/** The SOP classes the lesion pipeline reads: CT images and the SR documents that carry measurements. */
public final class SopClasses {

    private static final Map<String, String> ACCEPTED = Map.of(
            "1.2.840.10008.5.1.4.1.1.2", "CT Image Storage",
            "1.2.840.10008.5.1.4.1.1.2.1", "Enhanced CT Image Storage",
            "1.2.840.10008.5.1.4.1.1.88.11", "Basic Text SR Storage",
            "1.2.840.10008.5.1.4.1.1.88.22", "Enhanced SR Storage",
            "1.2.840.10008.5.1.4.1.1.88.33", "Comprehensive SR Storage",
            "1.2.840.10008.5.1.4.1.1.88.34", "Comprehensive 3D SR Storage",
            "1.2.840.10008.5.1.4.1.1.88.35", "Extensible SR Storage");

    private SopClasses() {}

    /** The class's name when the pipeline reads it, else empty. */
    public static Optional<String> accepted(String sopClassUid) {
        return Optional.ofNullable(ACCEPTED.get(sopClassUid));
    }

    public static boolean isImage(String sopClassUid) {
        return sopClassUid.equals("1.2.840.10008.5.1.4.1.1.2") || sopClassUid.equals("1.2.840.10008.5.1.4.1.1.2.1");
    }
}
