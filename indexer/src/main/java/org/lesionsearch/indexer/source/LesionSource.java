package org.lesionsearch.indexer.source;

import java.io.IOException;

/**
 * A place lesions live: a DeepLesion folder, a DICOM folder or a DICOMweb PACS. A source reads
 * metadata in {@link #scan()}; pixels are read later, series by series, through each
 * {@link SeriesWork#loader()}.
 */
public sealed interface LesionSource extends AutoCloseable permits DeepLesionSource, DicomFolderSource, DicomWebSource {

    /** The source as the user named it, e.g. {@code deeplesion:/data/DeepLesion}. */
    String description();

    /**
     * @throws IOException when the source as a whole cannot be read (missing folder, not a
     *     DL_info.csv, PACS unreachable); problems with single lesions are rejections instead
     */
    SourceScan scan() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
