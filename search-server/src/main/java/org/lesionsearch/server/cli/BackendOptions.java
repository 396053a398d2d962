package org.lesionsearch.server.cli;

import java.net.URI;
import java.nio.file.Path;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.elasticsearch.ElasticsearchOptions;
import org.lesionsearch.server.backend.LesionIndexFactory;
import picocli.CommandLine.Option;

/** Where a command keeps its lesions: {@code --backend}, {@code --es-url}, {@code --es-index}; shared by serve, index and import. */
final class BackendOptions {

    enum Backend {
        LUCENE, ELASTICSEARCH
    }

    @Option(names = "--backend", defaultValue = "lucene", paramLabel = "lucene|elasticsearch",
            description = "Where the lesions are kept: lucene (the embedded index in the --index directory) or"
                    + " elasticsearch (the cluster at --es-url, index --es-index) (default: lucene).")
    Backend backend;

    @Option(names = "--es-url", defaultValue = ElasticsearchOptions.DEFAULT_URL, paramLabel = "URL",
            description = "Elasticsearch HTTP address (default: ${DEFAULT-VALUE}).")
    URI esUrl;

    @Option(names = "--es-index", defaultValue = ElasticsearchOptions.DEFAULT_NAME, paramLabel = "NAME",
            description = "Elasticsearch alias the lesions live behind, in indices NAME-<timestamp> (default: ${DEFAULT-VALUE}).")
    String esIndex;

    @Option(names = "--es-shards", defaultValue = "1", paramLabel = "N",
            description = "Elasticsearch: primary shards of a new index (default: ${DEFAULT-VALUE}; see the README section Scaling out).")
    int esShards;

    @Option(names = "--es-replicas", defaultValue = "0", paramLabel = "N",
            description = "Elasticsearch: replicas of each shard of a new index (default: ${DEFAULT-VALUE}, for one node).")
    int esReplicas;

    /**
     * @param luceneDirectory the Lucene index directory, {@code null} when none was given
     * @param newGeneration Elasticsearch only: fill a new generation to swap in behind the alias
     * @throws IllegalArgumentException when the options do not fit together, naming them
     */
    LesionIndexFactory factory(Path luceneDirectory, boolean newGeneration) {
        return switch (backend) {
            case LUCENE -> {
                if (luceneDirectory == null) {
                    throw new IllegalArgumentException("--index DIR is required with --backend lucene");
                }
                if (newGeneration) {
                    throw new IllegalArgumentException("--reindex needs --backend elasticsearch (a Lucene index is"
                            + " re-built by indexing into a new directory)");
                }
                yield new LesionIndexFactory.Lucene(luceneDirectory, LuceneIndexOptions.defaults());
            }
            case ELASTICSEARCH -> new LesionIndexFactory.Elasticsearch(ElasticsearchOptions.defaults(esUrl, esIndex)
                    .withShards(esShards, esReplicas), newGeneration);
        };
    }
}
