package org.lesionsearch.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.api.json.JsonProblem;

/**
 * Reads request bodies as JSON: refuses other content types (415), bodies over the size limit
 * (413, whether or not the client sent a length) and JSON that does not fit the expected type
 * (400 naming the field or the line and column).
 */
public final class JsonBodies {

    private final ObjectMapper mapper;
    private final long maxBytes;

    public JsonBodies(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public <T> T read(Context ctx, Class<T> type) {
        byte[] body = bytes(ctx);
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw badJson(e);
        } catch (IOException e) {
            throw ApiException.badRequest(null, "the request body could not be read: " + e.getMessage());
        }
    }

    public JsonNode readTree(Context ctx) {
        byte[] body = bytes(ctx);
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw ApiException.badRequest(null, "the request body is empty; expected a JSON document");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw badJson(e);
        } catch (IOException e) {
            throw ApiException.badRequest(null, "the request body could not be read: " + e.getMessage());
        }
    }

    /** The raw body after the content-type and size checks. */
    public byte[] bytes(Context ctx) {
        requireJson(ctx.contentType());
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(-1);
            }
            if (body.length == 0) {
                throw ApiException.badRequest(null, "the request body is empty; expected a JSON document");
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest(null, "the request body could not be read: " + e.getMessage());
        }
    }

    public static ApiException badJson(JsonProcessingException e) {
        JsonProblem problem = JsonProblem.of(e);
        return ApiException.badRequest(problem.field(), problem.message());
    }

    private ApiException tooLarge(long declared) {
        return ApiException.tooLarge("the request body " + (declared >= 0 ? "(" + declared + " bytes) " : "")
                + "is larger than the limit of " + maxBytes + " bytes; send fewer lesions per request");
    }

    private static void requireJson(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw ApiException.unsupportedMediaType("expected Content-Type application/json but got "
                    + (contentType == null || contentType.isBlank() ? "none" : "'" + contentType + "'"));
        }
    }
}
