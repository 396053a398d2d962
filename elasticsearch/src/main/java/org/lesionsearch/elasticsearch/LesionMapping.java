package org.lesionsearch.elasticsearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.lesionsearch.core.index.Filter;

/**
 * The index template of lesion indices: one document per lesion, the embedding in an int8-quantised
 * HNSW {@code dense_vector} with dot-product similarity (the vectors are unit length) and
 * quantisation bounds fitted to the data ({@code confidence_interval: 0}, which lifts recall@10 at
 * 100,000 lesions from 0.988 to 0.998 with 200 candidates), labels and
 * ids as keywords, and every number a filter or sort uses as a {@code double}, as in the Lucene
 * backend. Unknown fields are refused ({@code dynamic: strict}).
 */
final class LesionMapping {

    static final String ID = "lesion_id";
    static final String PATIENT = "patient_id";
    static final String STUDY = "study_id";
    static final String KEY_SLICE = "key_slice";
    static final String STUDY_DAY = "study_day";
    static final String AGE = "patient_age";
    static final String SEX = "sex";
    static final String COARSE_TYPE = "coarse_type";
    static final String LABELS = "labels";
    static final String REPORT_LABELS = "report_labels";
    static final String LABEL_ANY = "label_any";
    static final String EMBEDDING = "embedding";
    static final String EMBEDDING_BITS = "embedding_bits";
    static final String SIZE = "recist.long_axis_mm";

    /** Version of this layout, kept in the mapping's {@code _meta}; a different one is refused with a re-index hint. */
    static final int SCHEMA_VERSION = 1;
    /** Above the built-in templates of Elasticsearch (100 to 200), so that a name like {@code logs-x} stays ours. */
    private static final int BASE_PRIORITY = 500;

    private LesionMapping() {
    }

    static String numeric(Filter.NumericField field) {
        return switch (field) {
            case SIZE_MM -> SIZE;
            case SHORT_AXIS_MM -> "recist.short_axis_mm";
            case AGE -> AGE;
            case LOCATION_X -> "location.x";
            case LOCATION_Y -> "location.y";
            case LOCATION_Z -> "location.z";
            case STUDY_DATE_EPOCH_DAY -> STUDY_DAY;
            case KEY_SLICE -> KEY_SLICE;
        };
    }

    static String labels(Filter.LabelSource source) {
        return switch (source == null ? Filter.LabelSource.EITHER : source) {
            case PREDICTED -> LABELS;
            case REPORT -> REPORT_LABELS;
            case EITHER -> LABEL_ANY;
        };
    }

    /** The {@code mappings} of a lesion index for the options' vector dimension and graph. */
    static ObjectNode mappings(ObjectMapper json, ElasticsearchOptions options) {
        ObjectNode mappings;
        try (InputStream in = LesionMapping.class.getResourceAsStream("lesion-mapping.json")) {
            mappings = (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the lesion mapping is missing from the classpath", e);
        }
        ObjectNode embedding = (ObjectNode) mappings.path("properties").path(EMBEDDING);
        embedding.put("dims", options.validator().embeddingDim());
        ((ObjectNode) embedding.path("index_options")).put("m", options.maxConn()).put("ef_construction", options.beamWidth());
        return mappings;
    }

    /** The composable index template that gives every {@code <name>-*} index the lesion mapping and settings. */
    static ObjectNode template(ObjectMapper json, ElasticsearchOptions options) {
        ObjectNode template = json.createObjectNode();
        template.putArray("index_patterns").add(options.name() + "-*");
        template.put("priority", priority(options.name()));
        ObjectNode body = template.putObject("template");
        body.putObject("settings").putObject("index")
                .put("number_of_shards", options.shards())
                .put("number_of_replicas", options.replicas());
        body.set("mappings", mappings(json, options));
        template.putObject("_meta").put("description", "Lesion Search: lesions behind the alias " + options.name());
        return template;
    }

    static String templateName(String name) {
        return name + "-template";
    }

    /**
     * A longer name gets a higher priority: the patterns of {@code lesions} and {@code lesions-test}
     * overlap, and Elasticsearch refuses overlapping templates of equal priority. Names of equal
     * length cannot overlap.
     */
    static int priority(String name) {
        return BASE_PRIORITY + name.length();
    }
}
