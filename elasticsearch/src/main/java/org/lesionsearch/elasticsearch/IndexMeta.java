package org.lesionsearch.elasticsearch;

import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.json.JsonData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lesionsearch.core.lesion.ModelInfo;

/**
 * What a lesion index records about itself in its mapping's {@code _meta}: the layout version and
 * the model whose vectors it holds; plus the vector dimension of its mapping.
 *
 * @param schema layout version, or {@code null} when the index has none (not made by Lesion Search)
 * @param model model of the index's vectors, or {@code null} before the first embedding
 * @param dims dimension of the embedding field, or {@code null} when the mapping has none
 */
record IndexMeta(Integer schema, ModelInfo model, Integer dims) {

    static final String KEY = "lesionsearch";

    static IndexMeta of(TypeMapping mapping) {
        Integer schema = null;
        ModelInfo model = null;
        JsonData meta = mapping.meta().get(KEY);
        if (meta != null && meta.toJson() instanceof JsonObject object) {
            if (object.get("schema") instanceof jakarta.json.JsonNumber n) {
                schema = n.intValue();
            }
            String name = text(object.get("model_name")), version = text(object.get("model_version"));
            if (name != null && version != null) {
                model = new ModelInfo(name, version);
            }
        }
        Property embedding = mapping.properties().get(LesionMapping.EMBEDDING);
        Integer dims = embedding != null && embedding.isDenseVector() ? embedding.denseVector().dims() : null;
        return new IndexMeta(schema, model, dims);
    }

    /** The {@code _meta} entry recording {@code model}. */
    static JsonData entry(ModelInfo model) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("schema", LesionMapping.SCHEMA_VERSION);
        if (model != null) {
            entry.put("model_name", model.name());
            entry.put("model_version", model.version());
        }
        return JsonData.of(entry);
    }

    private static String text(JsonValue value) {
        return value instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
