package org.lesionsearch.server.api.lesions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.server.api.error.ApiException;

/**
 * The bulky parts of a lesion that lists leave out unless asked for: the 1024-float embedding and
 * the 171 label probabilities.
 */
public enum Include {
    EMBEDDING("embedding"), LABEL_SCORES("labelScores");

    private final String jsonName;

    Include(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @JsonCreator
    public static Include parse(String text) {
        return Arrays.stream(values()).filter(v -> v.jsonName.equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown include '" + text + "' (expected "
                        + Arrays.stream(values()).map(Include::jsonName).collect(Collectors.joining(" or ")) + ")"));
    }

    /** Parses query-parameter values; 400 naming {@code parameter} for an unknown one. */
    public static Set<Include> parseAll(String parameter, Collection<String> texts) {
        Set<Include> out = EnumSet.noneOf(Include.class);
        for (String text : texts) {
            try {
                out.add(parse(text));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(parameter, e.getMessage());
            }
        }
        return out;
    }

    /** The lesion without the parts not asked for. */
    public static Lesion view(Lesion lesion, Set<Include> include) {
        boolean embedding = include.contains(EMBEDDING) || lesion.embedding() == null;
        boolean scores = include.contains(LABEL_SCORES) || lesion.labelScores() == null;
        if (embedding && scores) {
            return lesion;
        }
        Lesion.Builder b = lesion.toBuilder();
        if (!embedding) {
            b.embedding(null);
        }
        if (!scores) {
            b.labelScores(null);
        }
        return b.build();
    }
}
