package org.lesionsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import co.elastic.clients.elasticsearch.tasks.GetTasksResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.http.HttpHost;
import org.apache.lucene.util.VectorUtil;
import org.elasticsearch.client.RestClient;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.IndexException;
import org.lesionsearch.core.index.IndexStats;
import org.lesionsearch.core.index.LabelFacets;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.LesionAdmission;
import org.lesionsearch.core.index.SearchHit;
import org.lesionsearch.core.index.SearchPlan;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.lesion.Violation;
import org.lesionsearch.core.ontology.LabelClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LesionIndex} on an Elasticsearch cluster, through the official Java client: one document
 * per lesion in an index behind an alias, the embedding in an int8-quantised HNSW
 * {@code dense_vector}. It answers the same requests as the Lucene backend with the same results:
 *
 * <ul>
 *   <li>a vector search is one request: a {@code knn} query asks the graph for
 *       {@code max(minCandidates, oversampling × (offset + k))} candidates under the filter,
 *       Elasticsearch rescores them on the float vectors, sorts them by score then lesion id and
 *       returns the page; a {@code global}/{@code filter} aggregation in the same request counts
 *       the filter's matches exactly (and counts labels for facets). Inside Elasticsearch, Lucene
 *       scores a filter of at most that many lesions exactly instead of walking the graph; the
 *       plan reports {@link SearchPlan#EXACT} then;
 *   <li>each hit's similarity is the dot product of the query with the lesion's exact stored
 *       embedding, as in the Lucene backend;
 *   <li>upserts are bulk requests with retries and back-pressure ({@link BulkWriter});
 *   <li>the model of the index's vectors is kept in the mapping's {@code _meta}.
 * </ul>
 *
 * <p>Limits that differ from the Lucene backend, by Elasticsearch's design:
 * <ul>
 *   <li>Visibility: this object refreshes the index before a read that follows its own writes,
 *       so it reads its own writes at once; writes by other processes become visible within the
 *       index's refresh interval (one second by default). Every acknowledged write is durable
 *       (the translog is synced per request); {@link #commit()} also flushes.
 *   <li>Depth: {@code offset + k} may not exceed {@value #MAX_WINDOW} (Elasticsearch's result
 *       window and candidate limit).
 *   <li>Distinct patients and studies in {@link #stats()} come from {@code cardinality}
 *       aggregations: exact up to 40,000 distinct values, estimated beyond.
 *   <li>Pages are stable and ties are broken by lesion id; two different similarities that
 *       Elasticsearch's float score cannot tell apart (closer than about 1e-7) are also ordered
 *       by id.
 * </ul>
 */
public final class ElasticsearchLesionIndex implements LesionIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchLesionIndex.class);

    /** Deepest page end: Elasticsearch's default {@code index.max_result_window} and its kNN candidate limit. */
    public static final int MAX_WINDOW = ElasticsearchOptions.MAX_CANDIDATES;
    /** Exact up to here (Elasticsearch's largest precision threshold). */
    private static final int CARDINALITY_PRECISION = 40_000;
    private static final int PATIENT_PAGE = 1_000;
    private static final int MAX_ID_BYTES = 512;

    private static final Comparator<SearchHit> BEST_FIRST = Comparator.comparingDouble(SearchHit::similarity).reversed()
            .thenComparing(h -> h.lesion().id());

    private final ElasticsearchOptions options;
    private final ElasticsearchClient client;
    private final RestClientTransport transport;
    private final ObjectMapper json;
    private final IndexGenerations generations;
    private final FilterQueries filters;
    private final BulkWriter bulk;
    private final LesionAdmission admission;
    /** Where reads and writes go: the alias, or a new generation until it is published. */
    private volatile String target;
    private final String generation;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong visibleWrites = new AtomicLong();
    private final Object refreshLock = new Object();
    private volatile boolean closed;

    private ElasticsearchLesionIndex(ElasticsearchOptions options, ElasticsearchClient client, RestClientTransport transport,
            ObjectMapper json, IndexGenerations generations, String target, String generation, ModelInfo model) {
        this.options = options;
        this.client = client;
        this.transport = transport;
        this.json = json;
        this.generations = generations;
        this.filters = new FilterQueries(options.vocabulary());
        this.bulk = new BulkWriter(client, options.bulk());
        this.target = target;
        this.generation = generation;
        this.admission = new LesionAdmission(options.validator(), model);
    }

    /**
     * Opens the lesions behind the alias {@link ElasticsearchOptions#name()}, creating the index
     * template and a first, empty generation when there is none.
     *
     * @throws IndexException when the cluster cannot be reached, or the index there was made for
     *     another layout or vector dimension; the message names the URL and the index
     */
    public static ElasticsearchLesionIndex open(ElasticsearchOptions options) {
        return open(options, false, Clock.systemUTC());
    }

    /**
     * Opens a new, empty generation for a re-index. Searches through the alias keep using the
     * current generation until {@link #publish()} swaps this one in.
     */
    public static ElasticsearchLesionIndex openNewGeneration(ElasticsearchOptions options) {
        return open(options, true, Clock.systemUTC());
    }

    static ElasticsearchLesionIndex open(ElasticsearchOptions options, boolean newGeneration, Clock clock) {
        ObjectMapper json = LesionDocument.mapper();
        RestClient rest = RestClient.builder(HttpHost.create(options.url().toString()))
                .setRequestConfigCallback(c -> c.setConnectTimeout(10_000)
                        .setSocketTimeout((int) Math.min(Integer.MAX_VALUE, options.requestTimeout().toMillis())))
                .setHttpClientConfigCallback(h -> h.setMaxConnPerRoute(64).setMaxConnTotal(64))
                .build();
        RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper(json));
        ElasticsearchClient client = new ElasticsearchClient(transport);
        IndexGenerations generations = new IndexGenerations(client, json, options, clock);
        try {
            generations.putTemplate();
            List<String> current = generations.current();
            String target;
            String generation;
            if (newGeneration) {
                generation = generations.create(false);
                target = generation;
            } else if (current.isEmpty()) {
                generation = generations.create(true);
                target = options.name();
            } else if (current.size() == 1) {
                generation = current.getFirst();
                target = options.name();
            } else {
                throw new IllegalStateException("the alias '" + options.name() + "' points at several indices " + current
                        + "; point it at one");
            }
            IndexMeta meta = meta(client, generation);
            check(options, generation, meta);
            LOG.info("Opened Elasticsearch lesion index {} ({}) at {}, model {}", options.name(), generation, options.url(),
                    meta.model() == null ? "(none yet)" : meta.model());
            return new ElasticsearchLesionIndex(options, client, transport, json, generations, target, generation, meta.model());
        } catch (IOException | ElasticsearchException | IllegalStateException e) {
            closeQuietly(transport);
            throw new IndexException("cannot open the Elasticsearch lesion index '" + options.name() + "' at " + options.url()
                    + ": " + describe(e), e);
        }
    }

    private static IndexMeta meta(ElasticsearchClient client, String index) throws IOException {
        IndexMappingRecord record = client.indices().getMapping(m -> m.index(index)).result().get(index);
        if (record == null) {
            throw new IllegalStateException("Elasticsearch returned no mapping for " + index);
        }
        return IndexMeta.of(record.mappings());
    }

    private static void check(ElasticsearchOptions options, String index, IndexMeta meta) {
        if (meta.schema() == null) {
            throw new IllegalStateException("the index " + index + " was not made by Lesion Search (its mapping has no _meta."
                    + IndexMeta.KEY + "); choose another name");
        }
        if (meta.schema() != LesionMapping.SCHEMA_VERSION) {
            throw new IllegalStateException("the index " + index + " has layout version " + meta.schema() + " but this build"
                    + " reads version " + LesionMapping.SCHEMA_VERSION + "; re-index from the sources into a new generation");
        }
        int dims = options.validator().embeddingDim();
        if (meta.dims() == null || meta.dims() != dims) {
            throw new IllegalStateException("the index " + index + " holds " + meta.dims() + "-d vectors but this build writes "
                    + dims + "-d vectors; re-index from the sources into a new generation");
        }
    }

    /** The concrete index (generation) this object reads and writes. */
    public String generation() {
        return generation;
    }

    public ElasticsearchOptions options() {
        return options;
    }

    @Override
    public String backend() {
        return "elasticsearch";
    }

    @Override
    public Optional<ModelInfo> model() {
        return Optional.ofNullable(admission.model());
    }

    // ---- writing ------------------------------------------------------------------------------

    @Override
    public UpsertResult upsert(List<Lesion> lesions) {
        ensureOpen();
        List<UpsertResult.Rejected> rejected = new ArrayList<>();
        List<BulkWriter.Item> items = new ArrayList<>(lesions.size());
        List<Integer> positions = new ArrayList<>(lesions.size());
        ModelInfo before = admission.model();
        for (int i = 0; i < lesions.size(); i++) {
            Lesion lesion = lesions.get(i);
            String refusal = refusal(lesion);
            if (refusal != null) {
                rejected.add(new UpsertResult.Rejected(i, lesion == null || lesion.id() == null ? null : lesion.id().value(),
                        refusal));
                continue;
            }
            try {
                items.add(new BulkWriter.Item(lesion.id().value(), json.writeValueAsBytes(LesionDocument.of(lesion))));
                positions.add(i);
            } catch (JsonProcessingException e) {
                rejected.add(new UpsertResult.Rejected(i, lesion.id().value(), "lesion " + lesion.id() + ": " + e.getMessage()));
            }
        }
        ModelInfo after = admission.model();
        if (before == null && after != null) {
            recordModel(after);
        }
        int written = 0;
        if (!items.isEmpty()) {
            String[] failures;
            try {
                failures = bulk.write(target, items);
            } finally {
                writes.incrementAndGet();
            }
            for (int j = 0; j < failures.length; j++) {
                if (failures[j] == null) {
                    written++;
                } else {
                    rejected.add(new UpsertResult.Rejected(positions.get(j), items.get(j).id(), failures[j]));
                }
            }
        }
        rejected.sort(Comparator.comparingInt(UpsertResult.Rejected::position));
        return new UpsertResult(written, rejected);
    }

    /** Why a lesion cannot be written, or {@code null} when it can; claims the index for the lesion's model if it has none. */
    private String refusal(Lesion lesion) {
        String invalidity = admission.invalidity(lesion);
        if (invalidity != null) {
            return invalidity;
        }
        if (lesion.id().value().getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            return "lesion " + lesion.id() + ": the id is longer than Elasticsearch's " + MAX_ID_BYTES + " bytes";
        }
        return admission.modelConflict(lesion);
    }

    /** Keeps the model of the index's vectors in the mapping, where every later opener reads it. */
    private void recordModel(ModelInfo claimed) {
        call("recording the model " + claimed, () -> client.indices().putMapping(p -> p.index(target)
                .meta(IndexMeta.KEY, IndexMeta.entry(claimed))));
    }

    @Override
    public boolean delete(LesionId id) {
        ensureOpen();
        try {
            Result result = call("deleting lesion " + id, () -> client.delete(d -> d.index(target).id(id.value())).result());
            return result == Result.Deleted;
        } finally {
            writes.incrementAndGet();
        }
    }

    @Override
    public Optional<Lesion> get(LesionId id) {
        ensureOpen();
        // a get by id is real time in Elasticsearch: no refresh needed
        GetResponse<LesionDocument> response = call("reading lesion " + id,
                () -> client.get(g -> g.index(target).id(id.value()), LesionDocument.class));
        return response.found() && response.source() != null ? Optional.of(response.source().toLesion()) : Optional.empty();
    }

    // ---- searching ----------------------------------------------------------------------------

    @Override
    public SearchResult search(SearchRequest request) {
        ensureOpen();
        Query filter = filters.toQuery(request.filter());
        float[] query = request.vector();
        if (query != null) {
            List<Violation> violations = options.validator().vectorViolations("vector", query);
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException("query " + violations.stream().map(Violation::toString)
                        .collect(Collectors.joining("; ")));
            }
        }
        long end = (long) request.offset() + request.k();
        if (end > MAX_WINDOW) {
            throw new IllegalArgumentException("offset + k is " + end + " but Elasticsearch pages at most " + MAX_WINDOW
                    + " hits deep; narrow the filter instead");
        }
        if (request.example() != null) {
            Lesion example = get(request.example()).orElseThrow(() -> new NoSuchElementException("no lesion with id "
                    + request.example() + " to use as the example"));
            query = example.embedding();
            if (query == null) {
                throw new IllegalArgumentException("lesion " + request.example() + " has no embedding to search with");
            }
            filter = FilterQueries.excluding(filter, request.example().value());
        }
        refreshIfStale();
        if (query == null || request.sort() != SortOrder.RELEVANCE) {
            return sortedSearch(filter, query, request);
        }
        return vectorSearch(filter, query, request, (int) end);
    }

    private SearchResult vectorSearch(Query filter, float[] query, SearchRequest request, int end) {
        int candidates = candidates(end);
        boolean filtered = !filter.isMatchAll();
        List<Float> vector = boxed(query);
        Query knn = Query.of(q -> q.knn(kn -> {
            kn.field(LesionMapping.EMBEDDING).queryVector(vector).k(candidates).numCandidates(candidates)
                    .rescoreVector(r -> r.oversample(1f));
            return filtered ? kn.filter(filter) : kn;
        }));
        SearchResponse<LesionDocument> response = call("searching", () -> client.search(s -> s.index(target).query(knn)
                .from(request.offset()).size(request.k())
                .sort(so -> so.score(sc -> sc.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)))
                .sort(byId())
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.excludes(LesionMapping.LABEL_ANY)))
                .aggregations("matches", matchesOf(filter, request.facets())), LesionDocument.class));
        Aggregate matches = response.aggregations().get("matches").global().aggregations().get("filter");
        long total = matches.filter().docCount();
        List<SearchHit> hits = hits(response, query);
        hits.sort(BEST_FIRST);
        LabelFacets facets = request.facets() ? facets(matches.filter().aggregations().get("labels")) : null;
        SearchPlan plan = filtered && total <= candidates ? SearchPlan.EXACT : SearchPlan.HNSW;
        return new SearchResult(hits, total, plan, facets);
    }

    /** Graph candidates for a page ending at {@code end}, as the Lucene backend asks its graph for. */
    int candidates(int end) {
        return (int) Math.min(ElasticsearchOptions.MAX_CANDIDATES,
                Math.max(Math.max(options.minCandidates(), end), Math.ceil(options.oversampling() * end)));
    }

    /** Every lesion matching the filter, counted over the whole index whatever the query: {@code global} then {@code filter}. */
    private java.util.function.Function<Aggregation.Builder, co.elastic.clients.util.ObjectBuilder<Aggregation>> matchesOf(
            Query filter, boolean facets) {
        return a -> a.global(g -> g).aggregations("filter", f -> {
            var withFilter = f.filter(filter);
            return facets ? withFilter.aggregations("labels", labelTerms()) : withFilter;
        });
    }

    private SearchResult sortedSearch(Query filter, float[] query, SearchRequest request) {
        SearchResponse<LesionDocument> response = call("searching", () -> client.search(s -> {
            s.index(target).query(filter).from(request.offset()).size(request.k())
                    .sort(sortFor(request.sort()))
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.excludes(LesionMapping.LABEL_ANY)));
            return request.facets() ? s.aggregations("labels", labelTerms()) : s;
        }, LesionDocument.class));
        List<SearchHit> hits = hits(response, query);
        LabelFacets facets = request.facets() ? facets(response.aggregations().get("labels")) : null;
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(hits, total, SearchPlan.FILTER_ONLY, facets);
    }

    private static List<SortOptions> sortFor(SortOrder order) {
        var desc = co.elastic.clients.elasticsearch._types.SortOrder.Desc;
        var asc = co.elastic.clients.elasticsearch._types.SortOrder.Asc;
        return switch (order) {
            case RELEVANCE -> List.of(byId());
            case SIZE_DESC -> List.of(field(LesionMapping.SIZE, desc), byId());
            case SIZE_ASC -> List.of(field(LesionMapping.SIZE, asc), byId());
            case DATE_DESC -> List.of(field(LesionMapping.STUDY_DAY, desc), byId());
            case DATE_ASC -> List.of(field(LesionMapping.STUDY_DAY, asc), byId());
        };
    }

    /** Lesions without the value come last in either direction. */
    private static SortOptions field(String name, co.elastic.clients.elasticsearch._types.SortOrder order) {
        return SortOptions.of(so -> so.field(f -> f.field(name).order(order).missing("_last")));
    }

    private static SortOptions byId() {
        return field(LesionMapping.ID, co.elastic.clients.elasticsearch._types.SortOrder.Asc);
    }

    private static List<SearchHit> hits(SearchResponse<LesionDocument> response, float[] query) {
        List<SearchHit> hits = new ArrayList<>(response.hits().hits().size());
        for (Hit<LesionDocument> hit : response.hits().hits()) {
            Lesion lesion = hit.source().toLesion();
            float[] embedding = lesion.embedding();
            double similarity = query == null || embedding == null ? Double.NaN : VectorUtil.dotProduct(query, embedding);
            hits.add(new SearchHit(lesion, similarity));
        }
        return hits;
    }

    /**
     * Elasticsearch's own top-level kNN search with its default candidates, without this index's
     * oversampling, float rescoring or exact count (similarities are the quantised scores): the
     * benchmark's baseline.
     */
    public SearchResult searchWithoutPlanner(float[] vector, Filter filter, int k) {
        ensureOpen();
        Query f = filters.toQuery(filter);
        List<Float> v = boxed(vector);
        refreshIfStale();
        SearchResponse<LesionDocument> response = call("searching", () -> client.search(s -> s.index(target)
                .knn(kn -> {
                    kn.field(LesionMapping.EMBEDDING).queryVector(v).k(k);
                    return f.isMatchAll() ? kn : kn.filter(f);
                })
                .size(k).source(src -> src.filter(x -> x.excludes(LesionMapping.LABEL_ANY))), LesionDocument.class));
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<LesionDocument> hit : response.hits().hits()) {
            // dot_product scores are (1 + dot) / 2
            hits.add(new SearchHit(hit.source().toLesion(), hit.score() == null ? Double.NaN : 2 * hit.score() - 1));
        }
        return new SearchResult(hits, hits.size(), SearchPlan.HNSW, null);
    }

    @Override
    public List<Lesion> listByPatient(String patientId) {
        ensureOpen();
        if (patientId == null) {
            throw new IllegalArgumentException("patient id is missing");
        }
        refreshIfStale();
        var asc = co.elastic.clients.elasticsearch._types.SortOrder.Asc;
        List<SortOptions> order = List.of(field(LesionMapping.STUDY_DAY, asc), field(LesionMapping.STUDY, asc),
                field(LesionMapping.KEY_SLICE, asc), byId());
        Query query = FilterQueries.term(LesionMapping.PATIENT, patientId);
        List<Lesion> out = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<LesionDocument> page = call("listing a patient's lesions", () -> client.search(s -> {
                s.index(target).query(query).size(PATIENT_PAGE).sort(order).trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.excludes(LesionMapping.LABEL_ANY)));
                return from == null ? s : s.searchAfter(from);
            }, LesionDocument.class));
            List<Hit<LesionDocument>> hits = page.hits().hits();
            hits.forEach(h -> out.add(h.source().toLesion()));
            if (hits.size() < PATIENT_PAGE) {
                return out;
            }
            after = hits.getLast().sort();
        }
    }

    @Override
    public LabelFacets facets(Filter filter) {
        ensureOpen();
        Query query = filters.toQuery(filter);
        refreshIfStale();
        SearchResponse<Void> response = call("counting labels", () -> client.search(s -> s.index(target).query(query).size(0)
                .trackTotalHits(t -> t.enabled(false)).aggregations("labels", labelTerms()), Void.class));
        return facets(response.aggregations().get("labels"));
    }

    /** Every label of the vocabulary that occurs, by count then label: exact, since no shard drops a term. */
    private java.util.function.Function<Aggregation.Builder, co.elastic.clients.util.ObjectBuilder<Aggregation>> labelTerms() {
        int size = options.vocabulary().size();
        return a -> a.terms(t -> t.field(LesionMapping.LABEL_ANY).size(size).shardSize(size)
                .order(List.of(NamedValue.of("_count", co.elastic.clients.elasticsearch._types.SortOrder.Desc),
                        NamedValue.of("_key", co.elastic.clients.elasticsearch._types.SortOrder.Asc))));
    }

    private LabelFacets facets(Aggregate labels) {
        Map<LabelClass, Map<String, Long>> byClass = new EnumMap<>(LabelClass.class);
        for (LabelClass c : LabelClass.values()) {
            byClass.put(c, new LinkedHashMap<>());
        }
        for (StringTermsBucket bucket : labels.sterms().buckets().array()) {
            String label = bucket.key().stringValue();
            options.vocabulary().classOf(label).ifPresent(c -> byClass.get(c).put(label, bucket.docCount()));
        }
        byClass.replaceAll((c, counts) -> Collections.unmodifiableMap(counts));
        return new LabelFacets(byClass);
    }

    @Override
    public long count(Filter filter) {
        ensureOpen();
        Query query = filters.toQuery(filter);
        refreshIfStale();
        return call("counting", () -> client.count(c -> c.index(target).query(query)).count());
    }

    // ---- state --------------------------------------------------------------------------------

    @Override
    public IndexStats stats() {
        ensureOpen();
        refreshIfStale();
        SearchResponse<Void> counts = call("counting patients and studies", () -> client.search(s -> s.index(target).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .aggregations("patients", a -> a.cardinality(c -> c.field(LesionMapping.PATIENT).precisionThreshold(CARDINALITY_PRECISION)))
                .aggregations("studies", a -> a.cardinality(c -> c.field(LesionMapping.STUDY).precisionThreshold(CARDINALITY_PRECISION))),
                Void.class));
        var indexStats = call("reading index statistics", () -> client.indices().stats(s -> s.index(target))).all();
        var health = call("reading the index health", () -> client.cluster().health(h -> h.index(target)));
        IndexMeta meta = call("reading the index mapping", () -> meta(client, generation));
        if (meta.model() != null) {
            admission.adoptIfNone(meta.model());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", options.url().toString());
        details.put("alias", options.name());
        details.put("index", generation);
        details.put("published", target.equals(options.name()));
        details.put("status", health.status().jsonValue());
        details.put("shards", health.activePrimaryShards());
        details.put("replicas", options.replicas());
        details.put("unassignedShards", health.unassignedShards());
        details.put("segments", indexStats.primaries().segments() == null ? null : indexStats.primaries().segments().count());
        details.put("deletedDocs", indexStats.primaries().docs() == null ? null : indexStats.primaries().docs().deleted());
        details.put("embeddingFormat", "int8_hnsw(m=" + options.maxConn() + ", ef_construction=" + options.beamWidth() + ")");
        details.put("minCandidates", options.minCandidates());
        details.put("oversampling", options.oversampling());
        long store = indexStats.total() == null || indexStats.total().store() == null ? -1
                : indexStats.total().store().sizeInBytes();
        return new IndexStats(backend(), counts.hits().total().value(), cardinality(counts, "patients"),
                cardinality(counts, "studies"), store, admission.model(), details);
    }

    private static long cardinality(SearchResponse<Void> response, String name) {
        return response.aggregations().get(name).cardinality().value();
    }

    /** Refreshes, so that searches see every write, and flushes, so that the next start replays no translog. */
    @Override
    public void commit() {
        ensureOpen();
        long written = writes.get();
        call("refreshing", () -> client.indices().refresh(r -> r.index(target)));
        visibleWrites.accumulateAndGet(written, Math::max);
        call("flushing", () -> client.indices().flush(f -> f.index(target)));
    }

    /** Merges the index down to at most {@code maxSegments} segments per shard (after a bulk import); may take minutes. */
    public void forceMerge(int maxSegments) {
        ensureOpen();
        commit();
        String task = call("starting a merge", () -> client.indices().forcemerge(f -> f.index(target)
                .maxNumSegments((long) maxSegments).waitForCompletion(false)).task());
        if (task != null) {
            // polled: a long wait for completion ends in an HTTP error rather than an answer
            while (true) {
                GetTasksResponse state = call("waiting for the merge", () -> client.tasks().get(t -> t.taskId(task)));
                if (state.completed()) {
                    if (state.error() != null) {
                        throw new IndexException("merging " + generation + " failed: " + state.error().reason());
                    }
                    break;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IndexException("interrupted while waiting for the merge of " + generation, e);
                }
            }
        }
        commit();
    }

    /**
     * Points the alias at this generation in one atomic update and deletes the generations it
     * pointed at before. Only for an index from {@link #openNewGeneration}; searches through the
     * alias see the new lesions from then on.
     *
     * @return the generations that were replaced and deleted
     */
    public List<String> publish() {
        ensureOpen();
        if (target.equals(options.name())) {
            throw new IllegalStateException("the index " + generation + " is already behind the alias " + options.name());
        }
        commit();
        List<String> previous = call("reading the alias", generations::current);
        call("swapping the alias", () -> {
            generations.swap(generation, previous);
            return null;
        });
        target = options.name();
        List<String> replaced = previous.stream().filter(p -> !p.equals(generation)).toList();
        call("deleting the replaced generations", () -> {
            generations.delete(replaced);
            return null;
        });
        return replaced;
    }

    /**
     * Deletes this generation when it was never published (a re-index that failed or found
     * nothing to index); the alias keeps pointing where it pointed. Closes this object.
     */
    public void discardGeneration() {
        ensureOpen();
        if (target.equals(options.name())) {
            throw new IllegalStateException("the index " + generation + " is behind the alias " + options.name()
                    + " and serving; it is not discarded");
        }
        try {
            call("deleting the unpublished generation", () -> {
                generations.delete(List.of(generation));
                return null;
            });
        } finally {
            close();
        }
    }

    /** Heap and resident memory of the cluster's nodes, for benchmarks and capacity planning. */
    public ServerMemory serverMemory() {
        ensureOpen();
        var stats = call("reading node statistics", () -> client.nodes().stats(s -> s.metric("jvm")));
        var info = call("reading node information", () -> client.nodes().info(i -> i.metric("process")));
        long used = 0, max = 0;
        for (var node : stats.nodes().values()) {
            if (node.jvm() != null && node.jvm().mem() != null) {
                used += node.jvm().mem().heapUsedInBytes() == null ? 0 : node.jvm().mem().heapUsedInBytes();
                max += node.jvm().mem().heapMaxInBytes() == null ? 0 : node.jvm().mem().heapMaxInBytes();
            }
        }
        long resident = 0;
        for (var node : info.nodes().values()) {
            long rss = node.process() == null || !isLocal(node.ip()) ? -1 : residentOf(node.process().id());
            if (rss < 0) {
                resident = -1;
                break;
            }
            resident += rss;
        }
        return new ServerMemory(used, max, resident);
    }

    private static boolean isLocal(String ip) {
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(ip);
            return address.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** VmRSS of a process of this machine, or -1 when it cannot be read. */
    private static long residentOf(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Deletes every generation of this name and the template: the whole index, for good. Closes this object. */
    public void deleteAllGenerations() {
        ensureOpen();
        try {
            call("deleting the index", () -> {
                generations.delete(generations.all());
                client.indices().deleteIndexTemplate(d -> d.name(LesionMapping.templateName(options.name())));
                return null;
            });
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(transport);
    }

    private static void closeQuietly(RestClientTransport transport) {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.warn("Closing the Elasticsearch client failed: {}", e.getMessage());
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------

    /** Makes this object's own writes visible to its searches (Elasticsearch would take up to a refresh interval). */
    private void refreshIfStale() {
        long written = writes.get();
        if (visibleWrites.get() >= written) {
            return;
        }
        synchronized (refreshLock) {
            if (visibleWrites.get() >= written) {
                return;
            }
            call("refreshing", () -> client.indices().refresh(r -> r.index(target)));
            visibleWrites.accumulateAndGet(written, Math::max);
        }
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            throw new IndexException(what + " in the Elasticsearch index '" + options.name() + "' (" + generation + ") at "
                    + options.url() + " failed: " + describe(e), e);
        } catch (IOException e) {
            throw new IndexException(what + ": cannot reach Elasticsearch at " + options.url() + ": " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof ElasticsearchException es && es.error() != null) {
            return es.error().type() + ": " + es.error().reason() + " (HTTP " + es.status() + ")";
        }
        int status = BulkWriter.httpStatus(e);
        if (status > 0) {
            return "HTTP " + status + ": " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the Elasticsearch lesion index '" + options.name() + "' is closed");
        }
    }

    private static List<Float> boxed(float[] vector) {
        List<Float> out = new ArrayList<>(vector.length);
        for (float v : vector) {
            out.add(v);
        }
        return out;
    }
}
