package org.lesionsearch.indexer.patch;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes each slice of a series once for all the lesions that use it. Failures are remembered
 * too, so a missing neighbour is looked for once. Bounded, least recently used out first; meant
 * for one worker at a time.
 */
public final class SliceCache {

    /** Reads one slice by the key its source gives it (a file name, an instance UID). */
    @FunctionalInterface
    public interface Loader {
        HuSlice load(String sliceKey) throws IOException;
    }

    private final Loader loader;
    private final Map<String, Object> entries;
    private int decoded;

    public SliceCache(Loader loader, int capacity) {
        this.loader = loader;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    public HuSlice get(String sliceKey) throws IOException {
        Object entry = entries.get(sliceKey);
        if (entry == null) {
            try {
                entry = loader.load(sliceKey);
                decoded++;
            } catch (IOException e) {
                entry = e;
            }
            entries.put(sliceKey, entry);
        }
        if (entry instanceof IOException e) {
            throw e;
        }
        return (HuSlice) entry;
    }

    /** How many slices were decoded (not served from the cache). */
    public int decoded() {
        return decoded;
    }
}
