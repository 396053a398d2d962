package org.lesionsearch.indexer.source;

import java.io.IOException;
import java.nio.file.Path;
import org.lesionsearch.indexer.dicomweb.DicomWebSettings;

/** Opens a source from its command-line form: {@code deeplesion:DIR}, {@code dicom:DIR} or {@code dicomweb:URL}. */
public final class LesionSources {

    public static final String USAGE = "deeplesion:DIR, dicom:DIR or dicomweb:URL";

    private LesionSources() {
    }

    /**
     * @param indexDir the index the source feeds; a PACS crawl keeps its instances and state under it
     * @throws IllegalArgumentException when the spec names no known kind of source
     * @throws IOException when the folder is missing or not of its kind
     */
    public static LesionSource open(String spec, Path indexDir) throws IOException {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? "" : spec.substring(0, colon);
        String location = colon < 0 ? spec : spec.substring(colon + 1);
        if (location.isBlank()) {
            throw new IllegalArgumentException("source '" + spec + "' names no folder or URL (expected " + USAGE + ")");
        }
        return switch (kind) {
            case "deeplesion" -> new DeepLesionSource(Path.of(location));
            case "dicom" -> new DicomFolderSource(Path.of(location));
            case "dicomweb" -> new DicomWebSource(DicomWebSettings.forSource(spec, indexDir));
            default -> throw new IllegalArgumentException("unknown source '" + spec + "' (expected " + USAGE + ")");
        };
    }
}
