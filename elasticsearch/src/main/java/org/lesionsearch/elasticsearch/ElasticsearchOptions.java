package org.lesionsearch.elasticsearch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.lesionsearch.core.lesion.LesionValidator;
import org.lesionsearch.core.ontology.LabelVocabulary;

/**
 * Where and how an {@link ElasticsearchLesionIndex} keeps its lesions.
 *
 * @param url the cluster's HTTP address, e.g. {@code http://127.0.0.1:9200}
 * @param name the alias searches and writes go through; the lesions live in concrete indices
 *     {@code <name>-<timestamp>} behind it, so that a re-index swaps in atomically
 * @param vocabulary labels the index accepts and counts in facets
 * @param validator checks every lesion before it is written; its dimension is the mapping's
 * @param shards primary shards of a new index
 * @param replicas replicas of each shard of a new index (0 on a single node)
 * @param maxConn HNSW graph degree ({@code m})
 * @param beamWidth HNSW candidate list size while building the graph ({@code ef_construction})
 * @param minCandidates nearest neighbours the graph is asked for at least, before exact rescoring
 * @param oversampling graph candidates per requested hit ({@code offset + k}), before exact rescoring
 * @param bulk how upserts are sent
 * @param requestTimeout longest wait for one answer of the cluster
 */
public record ElasticsearchOptions(URI url, String name, LabelVocabulary vocabulary, LesionValidator validator,
        int shards, int replicas, int maxConn, int beamWidth, int minCandidates, double oversampling, BulkOptions bulk,
        Duration requestTimeout) {

    public static final String DEFAULT_URL = "http://127.0.0.1:9200";
    public static final String DEFAULT_NAME = "lesions";
    /** Elasticsearch scores at most this many kNN candidates per shard. */
    public static final int MAX_CANDIDATES = 10_000;

    public ElasticsearchOptions {
        if (url == null || url.getScheme() == null || url.getHost() == null
                || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("Elasticsearch URL must be http://HOST:PORT or https://HOST:PORT, was " + url);
        }
        checkName(name);
        if (vocabulary == null || validator == null || bulk == null || requestTimeout == null) {
            throw new IllegalArgumentException("vocabulary, validator, bulk options and request timeout are required");
        }
        if (shards < 1 || replicas < 0) {
            throw new IllegalArgumentException("shards must be at least 1 and replicas not negative, were " + shards + " and " + replicas);
        }
        if (maxConn < 2 || maxConn > 512) {
            throw new IllegalArgumentException("maxConn must be in [2, 512], was " + maxConn);
        }
        if (beamWidth < 1 || beamWidth > 3200) {
            throw new IllegalArgumentException("beamWidth must be in [1, 3200], was " + beamWidth);
        }
        if (minCandidates < 1 || minCandidates > MAX_CANDIDATES) {
            throw new IllegalArgumentException("minCandidates must be in [1, " + MAX_CANDIDATES + "], was " + minCandidates);
        }
        if (!(oversampling >= 1)) {
            throw new IllegalArgumentException("oversampling must be at least 1, was " + oversampling);
        }
    }

    public static ElasticsearchOptions defaults(URI url, String name) {
        LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
        // 200 candidates: at 100,000 clustered lesions Elasticsearch's int8 graph needs twice what the
        // Lucene backend's needs for recall@10 >= 0.99 (0.998 against 0.987 with 100)
        return new ElasticsearchOptions(url, name, vocabulary, new LesionValidator(vocabulary), 1, 0, 16, 100, 200, 5,
                BulkOptions.defaults(), Duration.ofSeconds(60));
    }

    public static ElasticsearchOptions defaults() {
        return defaults(URI.create(DEFAULT_URL), DEFAULT_NAME);
    }

    public ElasticsearchOptions withUrl(URI url) {
        return new ElasticsearchOptions(url, name, vocabulary, validator, shards, replicas, maxConn, beamWidth,
                minCandidates, oversampling, bulk, requestTimeout);
    }

    public ElasticsearchOptions withName(String name) {
        return new ElasticsearchOptions(url, name, vocabulary, validator, shards, replicas, maxConn, beamWidth,
                minCandidates, oversampling, bulk, requestTimeout);
    }

    public ElasticsearchOptions withShards(int shards, int replicas) {
        return new ElasticsearchOptions(url, name, vocabulary, validator, shards, replicas, maxConn, beamWidth,
                minCandidates, oversampling, bulk, requestTimeout);
    }

    public ElasticsearchOptions withCandidates(int minCandidates, double oversampling) {
        return new ElasticsearchOptions(url, name, vocabulary, validator, shards, replicas, maxConn, beamWidth,
                minCandidates, oversampling, bulk, requestTimeout);
    }

    public ElasticsearchOptions withGraph(int maxConn, int beamWidth) {
        return new ElasticsearchOptions(url, name, vocabulary, validator, shards, replicas, maxConn, beamWidth,
                minCandidates, oversampling, bulk, requestTimeout);
    }

    public ElasticsearchOptions withBulk(BulkOptions bulk) {
        return new ElasticsearchOptions(url, name, vocabulary, validator, shards, replicas, maxConn, beamWidth,
                minCandidates, oversampling, bulk, requestTimeout);
    }

    /** Options for vectors of another dimension (tests, other models). */
    public ElasticsearchOptions withValidator(LesionValidator validator) {
        return new ElasticsearchOptions(url, name, vocabulary, validator, shards, replicas, maxConn, beamWidth,
                minCandidates, oversampling, bulk, requestTimeout);
    }

    /** Elasticsearch's rules for index and alias names, checked before any request. */
    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Elasticsearch index name is missing");
        }
        String problem = null;
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            problem = "must be lower case";
        } else if (name.startsWith("-") || name.startsWith("_") || name.startsWith("+")) {
            problem = "must not start with -, _ or +";
        } else if (name.equals(".") || name.equals("..")) {
            problem = "must not be . or ..";
        } else if (name.chars().anyMatch(c -> "\\/*?\"<>| ,#:".indexOf(c) >= 0)) {
            problem = "must not contain \\ / * ? \" < > | space , # or :";
        } else if (name.getBytes(StandardCharsets.UTF_8).length > 200) {
            problem = "must be at most 200 bytes (a timestamp is appended to it)";
        }
        if (problem != null) {
            throw new IllegalArgumentException("Elasticsearch index name '" + name + "' " + problem);
        }
    }
}
