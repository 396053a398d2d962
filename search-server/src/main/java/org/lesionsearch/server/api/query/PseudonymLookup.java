package org.lesionsearch.server.api.query;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchHit;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.query.CompiledQuery;

/**
 * The way back from a lesion pseudonym to the lesion, so that a de-identified page can link to a
 * lesion ("more like this", the lesion page, its thumbnail) without ever showing its id. A keyed
 * hash cannot be inverted, so the lookup hashes the index's ids once and remembers them; an
 * unknown pseudonym triggers a new pass only when the index has changed or a while has gone by,
 * so that guessing cannot make the server rescan on every request. Thread-safe.
 */
public final class PseudonymLookup {

    static final Pattern LESION_PSEUDONYM = Pattern.compile("L-[0-9a-f]{12}");
    static final int PAGE = 1000;
    static final long RESCAN_AFTER_NANOS = 30_000_000_000L;

    private final LesionIndex index;
    private final Pseudonyms pseudonyms;
    private final Map<String, LesionId> known = new ConcurrentHashMap<>();
    private long scannedCount = -1;
    private long scannedAt;

    public PseudonymLookup(LesionIndex index, Pseudonyms pseudonyms) {
        this.index = index;
        this.pseudonyms = pseudonyms;
    }

    public static boolean looksLikeLesionPseudonym(String text) {
        return text != null && LESION_PSEUDONYM.matcher(text).matches();
    }

    /** The lesion with this id, or else the lesion this pseudonym stands for. */
    public Optional<Lesion> find(LesionId idOrPseudonym) {
        Optional<Lesion> direct = index.get(idOrPseudonym);
        if (direct.isPresent() || !looksLikeLesionPseudonym(idOrPseudonym.value())) {
            return direct;
        }
        return lesion(idOrPseudonym.value()).flatMap(index::get);
    }

    /** The id of the lesion a pseudonym stands for, when the index holds it. */
    public Optional<LesionId> lesion(String pseudonym) {
        if (!looksLikeLesionPseudonym(pseudonym)) {
            return Optional.empty();
        }
        LesionId id = known.get(pseudonym);
        if (id == null && rescan()) {
            id = known.get(pseudonym);
        }
        return Optional.ofNullable(id);
    }

    /**
     * The query with a pseudonymous example ({@code similar:L-...}) replaced by the lesion it
     * stands for; the query as written (and printed back) keeps the pseudonym.
     */
    public CompiledQuery resolveExample(CompiledQuery query) {
        SearchRequest request = query.request();
        LesionId example = request.example();
        if (example == null || !looksLikeLesionPseudonym(example.value()) || index.get(example).isPresent()) {
            return query;
        }
        return lesion(example.value())
                .map(id -> new CompiledQuery(query.parsed(), new SearchRequest(null, id, request.filter(), request.k(),
                        request.offset(), request.sort(), request.facets()), query.labels(), query.excludedLabels()))
                .orElse(query);
    }

    /** Hashes every id of the index when it changed since the last pass or the last pass is old. */
    private synchronized boolean rescan() {
        long count = index.count(Filter.all());
        long now = System.nanoTime();
        if (count == scannedCount && now - scannedAt < RESCAN_AFTER_NANOS) {
            return false;
        }
        for (int offset = 0; ; offset += PAGE) {
            SearchResult page = index.search(SearchRequest.byFilter(Filter.all(), PAGE).withPage(PAGE, offset));
            for (SearchHit hit : page.hits()) {
                LesionId id = hit.lesion().id();
                known.put(pseudonyms.lesion(id.value()), id);
            }
            if (page.hits().size() < PAGE) {
                break;
            }
        }
        scannedCount = count;
        scannedAt = now;
        return true;
    }
}
