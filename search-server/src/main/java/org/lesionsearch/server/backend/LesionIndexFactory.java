package org.lesionsearch.server.backend;

import java.nio.file.Path;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.elasticsearch.ElasticsearchLesionIndex;
import org.lesionsearch.elasticsearch.ElasticsearchOptions;

/** Which {@link LesionIndex} a command works on, and where its lesions are: one per backend. */
public sealed interface LesionIndexFactory {

    /** Opens the index; the caller closes it. */
    LesionIndex open();

    /** Where the lesions are, for messages. */
    String describe();

    /** The embedded Lucene index in a directory of this machine. */
    record Lucene(Path directory, LuceneIndexOptions options) implements LesionIndexFactory {

        @Override
        public LuceneLesionIndex open() {
            return LuceneLesionIndex.open(directory, options);
        }

        @Override
        public String describe() {
            return "Lucene index " + directory.toAbsolutePath();
        }
    }

    /**
     * Lesions on an Elasticsearch cluster behind the alias {@link ElasticsearchOptions#name()}.
     *
     * @param newGeneration whether to open a new, empty generation for a re-index, which
     *     {@link ElasticsearchLesionIndex#publish()} swaps in behind the alias
     */
    record Elasticsearch(ElasticsearchOptions options, boolean newGeneration) implements LesionIndexFactory {

        @Override
        public ElasticsearchLesionIndex open() {
            return newGeneration ? ElasticsearchLesionIndex.openNewGeneration(options) : ElasticsearchLesionIndex.open(options);
        }

        @Override
        public String describe() {
            return "Elasticsearch index '" + options.name() + "' at " + options.url();
        }
    }
}
