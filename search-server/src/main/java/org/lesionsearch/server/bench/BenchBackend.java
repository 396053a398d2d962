package org.lesionsearch.server.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;

/**
 * A {@link LesionIndex} implementation under benchmark. The benchmark imports the workload
 * through {@link #open}, then times every engine of {@link #engines}, each printed as its own
 * columns of the table.
 */
public interface BenchBackend {

    /** Short name, used for the index sub-directory and as the first engine's column name. */
    String name();

    /** Opens a new, empty index in {@code dir}. */
    LesionIndex open(Path dir);

    /** Threads that write batches during the import, given the machine's CPUs. */
    default int importThreads(int cpus) {
        return cpus;
    }

    /** A line for the table saying how the backend is set up, or an empty string. */
    default String setup() {
        return "";
    }

    /** Work after the import is committed and before searching, e.g. merging segments. */
    default void prepareForSearch(LesionIndex index) {
    }

    /** Ways to search the imported index; the first is the backend's own search. */
    default List<SearchEngine> engines(LesionIndex index) {
        return List.of(new SearchEngine(name(), index::search));
    }

    /** Memory of the process that holds the index after searching: this one, unless the backend is a server. */
    default ProcessMemory memory(LesionIndex index) {
        return new ProcessMemory(MemoryFigures.residentBytes(), MemoryFigures.heapUsedAfterGc());
    }

    /** Removes what the run stored outside its temporary directory (called only when the indexes are not kept). */
    default void discard(LesionIndex index) {
    }

    /** Resident set and Java heap in bytes, -1 when unknown. */
    record ProcessMemory(long rssBytes, long heapUsedBytes) {
    }

    /** One way to answer a search request, timed and scored as one group of columns. */
    record SearchEngine(String name, Function<SearchRequest, SearchResult> search) {
    }
}
