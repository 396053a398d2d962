package org.lesionsearch.core.index.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues.DocIndexIterator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link LesionIndex}: one Lucene document per lesion in a directory on disk, the
 * embedding in an int8-quantised HNSW field (DOT_PRODUCT), labels as keywords, numbers as points,
 * the rest of the record as binary doc values. A search after writes first refreshes the
 * near-real-time searcher, so it sees them; {@link #commit()} makes writes durable. The commit
 * records the model whose vectors the index holds, and the index refuses vectors of any other.
 *
 * <p>Vector searches go through {@link KnnPlanner}: small filters are scanned, large ones use the
 * graph with oversampling and float rescoring. For bulk loads, one writer thread and an indexing
 * buffer that holds the whole load give one segment whose graph was built on float vectors;
 * merged segments get a graph built on int8 scores, which needs more candidates for the same
 * recall.
 */
public final class LuceneLesionIndex implements LesionIndex {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneLesionIndex.class);

    static final String SCHEMA_KEY = "lesionsearch.schema";
    static final String SCHEMA_VERSION = "1";
    static final String MODEL_NAME_KEY = "lesionsearch.model.name";
    static final String MODEL_VERSION_KEY = "lesionsearch.model.version";

    private static final Comparator<Lesion> PATIENT_ORDER = Comparator
            .comparing(Lesion::studyDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Lesion::studyId)
            .thenComparing(Lesion::keySlice, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Lesion::id);

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LuceneIndexOptions options;
    private final String embeddingFormat;
    private final FilterQueries filters;
    private final KnnPlanner planner;
    private final LabelFacetCounter facetCounter;
    private final LesionAdmission admission;
    /** Upserts share it; a delete takes it alone so that its existence check sees every earlier write. */
    private final ReadWriteLock writeLock = new ReentrantReadWriteLock();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong visibleWrites = new AtomicLong();
    private volatile boolean closed;

    private LuceneLesionIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers,
            GraphEntryPoints entryPoints, LuceneIndexOptions options, String embeddingFormat, ModelInfo model) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.options = options;
        this.embeddingFormat = embeddingFormat;
        this.filters = new FilterQueries(options.vocabulary());
        this.planner = new KnnPlanner(options.exactThreshold(), options.minCandidates(), options.oversampling(), entryPoints);
        this.facetCounter = new LabelFacetCounter(options.vocabulary());
        this.admission = new LesionAdmission(options.validator(), model);
    }

    /**
     * Opens the index in {@code dir}, creating it when the directory is empty or missing.
     *
     * @throws IndexException when the directory holds a corrupted or foreign index, or another
     *     process has it open; the message names the directory
     */
    public static LuceneLesionIndex open(Path dir, LuceneIndexOptions options) {
        Path path = dir.toAbsolutePath().normalize();
        Directory directory;
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
        } catch (IOException e) {
            throw new IndexException("cannot create or open the index directory " + path + ": " + e.getMessage(), e);
        }
        IndexWriter writer = null;
        try {
            ModelInfo model = null;
            if (DirectoryReader.indexExists(directory)) {
                Map<String, String> userData = SegmentInfos.readLatestCommit(directory).getUserData();
                checkSchema(path, userData);
                model = modelOf(userData);
            } else if (Arrays.stream(directory.listAll()).anyMatch(f -> !f.equals(IndexWriter.WRITE_LOCK_NAME))) {
                throw new CorruptIndexException("the directory holds files but no index commit", path.toString());
            }
            LesionCodec codec = new LesionCodec(options.maxConn(), options.beamWidth());
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCodec(codec)
                    .setRAMBufferSizeMB(options.ramBufferMb())
                    .setCommitOnClose(true);
            writer = new IndexWriter(directory, config);
            GraphEntryPoints entryPoints = new GraphEntryPoints(Lesion.EMBEDDING_DIM);
            SearcherManager searchers = new SearcherManager(writer, true, false, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                    // sample new graph-searched segments here, on the refreshing thread, not in a search
                    entryPoints.warm(reader, options.exactThreshold());
                    return new IndexSearcher(reader);
                }
            });
            if (options.verifyOnOpen()) {
                verify(searchers);
            }
            LuceneLesionIndex index = new LuceneLesionIndex(path, directory, writer, searchers, entryPoints, options,
                    codec.describeEmbeddingFormat(), model);
            LOG.info("Opened lesion index at {}: {} lesions, model {}", path, writer.getDocStats().numDocs,
                    model == null ? "(none yet)" : model);
            return index;
        } catch (LockObtainFailedException e) {
            closeQuietly(writer, directory);
            throw new IndexException("the index at " + path + " is open in another process (" + e.getMessage()
                    + "); stop that process first", e);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | NoSuchFileException
                | java.io.EOFException e) {
            closeQuietly(writer, directory);
            throw corrupted(path, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer, directory);
            if (e instanceof IndexException ie) {
                throw ie;
            }
            throw corrupted(path, e);
        }
    }

    private static IndexException corrupted(Path path, Exception e) {
        return new IndexException("the lesion index at " + path + " is corrupted or unreadable (" + e.getMessage()
                + "); delete the directory and re-index from the sources", e);
    }

    private static void checkSchema(Path path, Map<String, String> userData) {
        String schema = userData.get(SCHEMA_KEY);
        if (schema != null && !schema.equals(SCHEMA_VERSION)) {
            throw new IndexException("the lesion index at " + path + " has schema version " + schema
                    + " but this build reads version " + SCHEMA_VERSION + "; re-index from the sources into a new directory");
        }
    }

    private static ModelInfo modelOf(Map<String, String> userData) {
        String name = userData.get(MODEL_NAME_KEY), version = userData.get(MODEL_VERSION_KEY);
        return name == null || version == null ? null : new ModelInfo(name, version);
    }

    /** Reads every file of the latest commit and checks its checksum. */
    private static void verify(SearcherManager searchers) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
        } finally {
            searchers.release(searcher);
        }
    }

    private static void closeQuietly(IndexWriter writer, Directory directory) {
        try {
            if (writer != null) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException ignored) {
            // the open already failed; that failure is the one to report
        }
        try {
            directory.close();
        } catch (IOException ignored) {
            // as above
        }
    }

    /** The directory this index lives in. */
    public Path path() {
        return path;
    }

    @Override
    public String backend() {
        return "lucene";
    }

    @Override
    public Optional<ModelInfo> model() {
        return Optional.ofNullable(admission.model());
    }

    @Override
    public UpsertResult upsert(List<Lesion> lesions) {
        ensureOpen();
        List<UpsertResult.Rejected> rejected = new ArrayList<>();
        int written = 0;
        writeLock.readLock().lock();
        try {
            ensureOpen();
            for (int i = 0; i < lesions.size(); i++) {
                Lesion lesion = lesions.get(i);
                String refusal = admission.refusal(lesion);
                if (refusal != null) {
                    rejected.add(new UpsertResult.Rejected(i, lesion == null || lesion.id() == null ? null : lesion.id().value(),
                            refusal));
                    continue;
                }
                try {
                    writer.updateDocument(new Term(LesionFields.ID, lesion.id().value()), LesionDocuments.toDocument(lesion));
                    written++;
                } catch (IllegalArgumentException e) {
                    rejected.add(new UpsertResult.Rejected(i, lesion.id().value(), "lesion " + lesion.id() + ": " + e.getMessage()));
                }
            }
        } catch (IOException | AlreadyClosedException e) {
            throw new IndexException("writing to the lesion index at " + path + " failed: " + e.getMessage(), e);
        } finally {
            writes.incrementAndGet();
            writeLock.readLock().unlock();
        }
        return new UpsertResult(written, rejected);
    }

    @Override
    public boolean delete(LesionId id) {
        ensureOpen();
        writeLock.writeLock().lock();
        try {
            IndexSearcher searcher = acquire();
            boolean existed;
            try {
                existed = find(searcher, id) != null;
            } finally {
                searchers.release(searcher);
            }
            if (existed) {
                writer.deleteDocuments(new Term(LesionFields.ID, id.value()));
                writes.incrementAndGet();
            }
            return existed;
        } catch (IOException | AlreadyClosedException e) {
            throw new IndexException("deleting from the lesion index at " + path + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Lesion> get(LesionId id) {
        return read(searcher -> {
            DocRef ref = find(searcher, id);
            return ref == null ? Optional.<Lesion>empty() : Optional.of(LesionReader.read(ref));
        });
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return read(searcher -> {
            DocRef example = null;
            float[] query = request.vector();
            if (request.example() != null) {
                example = find(searcher, request.example());
                if (example == null) {
                    throw new NoSuchElementException("no lesion with id " + request.example() + " to use as the example");
                }
                query = vector(example.leaf(), example.doc());
                if (query == null) {
                    throw new IllegalArgumentException("lesion " + request.example() + " has no embedding to search with");
                }
            } else if (query != null) {
                List<Violation> violations = options.validator().vectorViolations("vector", query);
                if (!violations.isEmpty()) {
                    throw new IllegalArgumentException("query " + violations.stream().map(Violation::toString)
                            .collect(Collectors.joining("; ")));
                }
            }
            Query filter = filters.toQuery(request.filter());
            int wanted = (int) Math.min(Integer.MAX_VALUE - 1L, (long) request.offset() + request.k());
            if (query == null || request.sort() != SortOrder.RELEVANCE) {
                return sortedSearch(searcher, filter, example, query, request, wanted);
            }
            List<LeafMatches> matches = LeafMatches.of(searcher, filter, example);
            KnnPlanner.Ranked ranked = planner.search(matches, query, wanted);
            List<Candidate> best = ranked.bestFirst();
            List<Candidate> page = best.subList(Math.min(request.offset(), best.size()), best.size());
            Lesion[] lesions = LesionReader.read(page.stream().map(c -> new DocRef(c.leaf, c.doc)).toList());
            List<SearchHit> hits = new ArrayList<>(page.size());
            for (int i = 0; i < lesions.length; i++) {
                hits.add(new SearchHit(lesions[i], page.get(i).similarity));
            }
            return new SearchResult(hits, total(matches), ranked.plan(),
                    request.facets() ? facetCounter.count(matches) : null);
        });
    }

    /** Filter matches in the request's sort order; with a query vector each hit also gets its similarity. */
    private SearchResult sortedSearch(IndexSearcher searcher, Query filter, DocRef example, float[] query,
            SearchRequest request, int wanted) throws IOException {
        Query q = filter;
        if (example != null) {
            q = new BooleanQuery.Builder().add(filter, Occur.FILTER)
                    .add(new TermQuery(new Term(LesionFields.ID, request.example().value())), Occur.MUST_NOT).build();
        }
        int numHits = Math.max(1, Math.min(wanted, searcher.getIndexReader().maxDoc()));
        TopFieldDocs top = searcher.search(q, new TopFieldCollectorManager(sortFor(request.sort()), numHits, null,
                Integer.MAX_VALUE));
        List<ScoreDoc> page = Arrays.asList(top.scoreDocs).subList(Math.min(request.offset(), top.scoreDocs.length),
                top.scoreDocs.length);
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (Lesion lesion : LesionReader.read(refs(searcher, page))) {
            double similarity = query == null || lesion.embedding() == null ? Double.NaN
                    : VectorUtil.dotProduct(query, lesion.embedding());
            hits.add(new SearchHit(lesion, similarity));
        }
        LabelFacets facets = request.facets() ? facetCounter.count(LeafMatches.of(searcher, filter, example)) : null;
        return new SearchResult(hits, top.totalHits.value(), SearchPlan.FILTER_ONLY, facets);
    }

    private static Sort sortFor(SortOrder order) {
        SortField byId = new SortField(LesionFields.ID, SortField.Type.STRING);
        return switch (order) {
            case RELEVANCE -> new Sort(byId);
            case SIZE_DESC -> new Sort(missing(new SortField(LesionFields.SORT_SIZE, SortField.Type.DOUBLE, true),
                    Double.NEGATIVE_INFINITY), byId);
            case SIZE_ASC -> new Sort(missing(new SortField(LesionFields.SORT_SIZE, SortField.Type.DOUBLE),
                    Double.POSITIVE_INFINITY), byId);
            case DATE_DESC -> new Sort(missing(new SortField(LesionFields.SORT_DATE, SortField.Type.LONG, true),
                    Long.MIN_VALUE), byId);
            case DATE_ASC -> new Sort(missing(new SortField(LesionFields.SORT_DATE, SortField.Type.LONG),
                    Long.MAX_VALUE), byId);
        };
    }

    /** Lesions without the sort value come last in either direction. */
    private static SortField missing(SortField field, Object value) {
        field.setMissingValue(value);
        return field;
    }

    /**
     * Lucene's own filtered kNN query, without this index's planner, oversampling or float
     * rescoring (similarities are the quantised scores). The benchmark's baseline.
     */
    public SearchResult searchWithoutPlanner(float[] vector, Filter filter, int k) {
        return read(searcher -> {
            Query f = filters.toQuery(filter);
            Query knn = new KnnFloatVectorQuery(LesionFields.EMBEDDING, vector, k, f instanceof MatchAllDocsQuery ? null : f);
            TopDocs top = searcher.search(knn, k);
            Lesion[] lesions = LesionReader.read(refs(searcher, Arrays.asList(top.scoreDocs)));
            List<SearchHit> hits = new ArrayList<>(lesions.length);
            for (int i = 0; i < lesions.length; i++) {
                // DOT_PRODUCT scores are (1 + dot) / 2
                hits.add(new SearchHit(lesions[i], 2.0 * top.scoreDocs[i].score - 1));
            }
            return new SearchResult(hits, hits.size(), SearchPlan.HNSW, null);
        });
    }

    @Override
    public List<Lesion> listByPatient(String patientId) {
        return read(searcher -> {
            List<DocRef> refs = new ArrayList<>();
            for (LeafMatches m : LeafMatches.of(searcher, new TermQuery(new Term(LesionFields.PATIENT, patientId)), null)) {
                DocIdSetIterator docs = m.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    refs.add(new DocRef(m.context(), doc));
                }
            }
            List<Lesion> out = new ArrayList<>(Arrays.asList(LesionReader.read(refs)));
            out.sort(PATIENT_ORDER);
            return out;
        });
    }

    @Override
    public LabelFacets facets(Filter filter) {
        return read(searcher -> facetCounter.count(LeafMatches.of(searcher, filters.toQuery(filter), null)));
    }

    @Override
    public long count(Filter filter) {
        return read(searcher -> (long) searcher.count(filters.toQuery(filter)));
    }

    @Override
    public IndexStats stats() {
        return read(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("path", path.toString());
            details.put("segments", reader.leaves().size());
            details.put("maxDoc", reader.maxDoc());
            details.put("deletedDocs", reader.numDeletedDocs());
            details.put("embeddingFormat", embeddingFormat);
            details.put("exactThreshold", options.exactThreshold());
            details.put("minCandidates", options.minCandidates());
            details.put("oversampling", options.oversampling());
            details.put("uncommittedChanges", writer.hasUncommittedChanges());
            return new IndexStats(backend(), reader.numDocs(), distinctLive(reader, LesionFields.PATIENT),
                    distinctLive(reader, LesionFields.STUDY), sizeOnDisk(), admission.model(), details);
        });
    }

    @Override
    public void commit() {
        ensureOpen();
        // shared with upserts; close() takes the lock alone, so it never meets a half-done commit
        writeLock.readLock().lock();
        try {
            ensureOpen();
            writer.setLiveCommitData(commitData().entrySet());
            writer.commit();
        } catch (IOException | AlreadyClosedException e) {
            throw new IndexException("committing the lesion index at " + path + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.readLock().unlock();
        }
    }

    /** Merges the index down to at most {@code maxSegments} segments (after a bulk import), then commits. */
    public void forceMerge(int maxSegments) {
        ensureOpen();
        writeLock.readLock().lock();
        try {
            ensureOpen();
            writer.forceMerge(maxSegments);
            writes.incrementAndGet();
        } catch (IOException | AlreadyClosedException e) {
            throw new IndexException("merging the lesion index at " + path + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.readLock().unlock();
        }
        commit();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        // waits for writes and commits under way: IndexWriter refuses to close in the middle of a commit
        writeLock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            writer.setLiveCommitData(commitData().entrySet());
            searchers.close();
            writer.close();
        } catch (IOException | AlreadyClosedException e) {
            throw new IndexException("closing the lesion index at " + path + " failed: " + e.getMessage(), e);
        } finally {
            try {
                directory.close();
            } catch (IOException e) {
                LOG.warn("Closing the directory {} failed: {}", path, e.getMessage());
            } finally {
                writeLock.writeLock().unlock();
            }
        }
    }

    private Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA_KEY, SCHEMA_VERSION);
        ModelInfo m = admission.model();
        if (m != null) {
            data.put(MODEL_NAME_KEY, m.name());
            data.put(MODEL_VERSION_KEY, m.version());
        }
        return data;
    }

    /** Work against a searcher that sees every write made so far. */
    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(Read<T> work) {
        IndexSearcher searcher = acquire();
        try {
            return work.apply(searcher);
        } catch (IOException e) {
            throw new IndexException("reading the lesion index at " + path + " failed: " + e.getMessage(), e);
        } finally {
            release(searcher);
        }
    }

    private IndexSearcher acquire() {
        ensureOpen();
        try {
            long written = writes.get();
            if (visibleWrites.get() < written) {
                searchers.maybeRefreshBlocking();
                visibleWrites.accumulateAndGet(written, Math::max);
            }
            return searchers.acquire();
        } catch (IOException | AlreadyClosedException e) {
            throw new IndexException("refreshing the searcher of the lesion index at " + path + " failed: " + e.getMessage(), e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            LOG.warn("Releasing a searcher of {} failed: {}", path, e.getMessage());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the lesion index at " + path + " is closed");
        }
    }

    private static DocRef find(IndexSearcher searcher, LesionId id) throws IOException {
        Term term = new Term(LesionFields.ID, id.value());
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    return new DocRef(leaf, doc);
                }
            }
        }
        return null;
    }

    private static float[] vector(LeafReaderContext leaf, int doc) throws IOException {
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(LesionFields.EMBEDDING);
        if (vectors == null) {
            return null;
        }
        DocIndexIterator it = vectors.iterator();
        return it.advance(doc) == doc ? vectors.vectorValue(it.index()).clone() : null;
    }

    /** Top-level hits as documents of their segments. */
    private static List<DocRef> refs(IndexSearcher searcher, List<ScoreDoc> hits) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<DocRef> refs = new ArrayList<>(hits.size());
        for (ScoreDoc sd : hits) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            refs.add(new DocRef(leaf, sd.doc - leaf.docBase));
        }
        return refs;
    }

    private static long total(List<LeafMatches> matches) {
        long total = 0;
        for (LeafMatches m : matches) {
            total += m.count();
        }
        return total;
    }

    /** Distinct values of a keyword field among live documents. */
    private static long distinctLive(IndexReader reader, String field) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return 0;
        }
        Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
        TermsEnum te = terms.iterator();
        long distinct = 0;
        PostingsEnum postings = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            if (live == null) {
                distinct++;
                continue;
            }
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live.get(doc)) {
                    distinct++;
                    break;
                }
            }
        }
        return distinct;
    }

    private long sizeOnDisk() throws IOException {
        long bytes = 0;
        for (String file : directory.listAll()) {
            try {
                bytes += directory.fileLength(file);
            } catch (NoSuchFileException | java.io.FileNotFoundException e) {
                // merged away while we were counting
            }
        }
        return bytes;
    }
}
