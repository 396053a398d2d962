package org.lesionsearch.server.api;

import java.nio.file.Path;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.lesion.LesionValidator;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.models.inference.LesionEncoder;
import org.lesionsearch.server.api.json.ApiJson;
import org.lesionsearch.server.api.query.Pseudonyms;

/**
 * What route groups are built from: the server settings, the index they answer from, the
 * request body reader, the label vocabulary with its validator, the lesion ontology, the
 * pseudonyms of de-identified answers (one key for every route group, so that a lesion keeps its
 * pseudonym from the result list to the lesion page), the folder lesion thumbnail references are
 * relative to ({@code null}: no thumbnails) and the encoder for search by an uploaded example
 * ({@code null}: no model loaded).
 */
public record ApiContext(ServerConfig config, LesionIndex index, JsonBodies bodies, LabelVocabulary vocabulary,
        LesionValidator validator, LesionOntology ontology, Pseudonyms pseudonyms, Path thumbnailRoot,
        LesionEncoder encoder) {

    public ApiContext {
        if (pseudonyms == null) {
            throw new IllegalArgumentException("pseudonyms are required");
        }
    }

    /** A context without thumbnails or a model, with pseudonyms keyed from the environment. */
    public ApiContext(ServerConfig config, LesionIndex index, JsonBodies bodies, LabelVocabulary vocabulary,
            LesionValidator validator, LesionOntology ontology) {
        this(config, index, bodies, vocabulary, validator, ontology, Pseudonyms.fromEnvironment(), null, null);
    }

    /** The usual context: the shipped LesaNet vocabulary and ontology and the shared JSON configuration. */
    public static ApiContext of(ServerConfig config, LesionIndex index) {
        LesionOntology ontology = LesionOntology.lesaNet();
        LabelVocabulary vocabulary = ontology.vocabulary();
        return new ApiContext(config, index, new JsonBodies(ApiJson.mapper(), config.maxBodyBytes()), vocabulary,
                new LesionValidator(vocabulary), ontology);
    }

    /** Thumbnails are read from under this folder (for a Lucene index, the index folder). */
    public ApiContext withThumbnailRoot(Path folder) {
        return new ApiContext(config, index, bodies, vocabulary, validator, ontology, pseudonyms, folder, encoder);
    }

    /** Uploaded examples are encoded by this model, which must be the one whose vectors the index holds. */
    public ApiContext withEncoder(LesionEncoder model) {
        return new ApiContext(config, index, bodies, vocabulary, validator, ontology, pseudonyms, thumbnailRoot, model);
    }

    public ApiContext withPseudonyms(Pseudonyms keyed) {
        return new ApiContext(config, index, bodies, vocabulary, validator, ontology, keyed, thumbnailRoot, encoder);
    }
}
