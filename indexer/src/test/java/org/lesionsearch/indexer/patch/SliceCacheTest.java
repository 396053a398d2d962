package org.lesionsearch.indexer.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceCacheTest {

    @Test
    void decodesEachSliceOnceAndRemembersFailures() throws Exception {
        List<String> loads = new ArrayList<>();
        SliceCache cache = new SliceCache(key -> {
            loads.add(key);
            if (key.equals("missing")) {
                throw new SliceReadException("missing: missing slice file");
            }
            return TestSlices.constant(4, 0f, 1);
        }, 2);
        HuSlice a = cache.get("a");
        assertThat(cache.get("a")).isSameAs(a);
        assertThatThrownBy(() -> cache.get("missing")).hasMessage("missing: missing slice file");
        assertThatThrownBy(() -> cache.get("missing")).hasMessage("missing: missing slice file");
        assertThat(loads).containsExactly("a", "missing");
        assertThat(cache.decoded()).isEqualTo(1);
        cache.get("b");
        cache.get("c"); // capacity 2: the least recently used entry ("a") goes
        cache.get("a");
        assertThat(loads).containsExactly("a", "missing", "b", "c", "a");
    }
}
