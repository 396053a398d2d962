package org.lesionsearch.server.api.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Why a JSON document could not be read, in words rather than Jackson's class names.
 *
 * @param field the path of the offending field ({@code filter.size.min}, {@code [2].embedding[5]}),
 *     or {@code null} when the document itself is malformed
 * @param reason what is wrong with the field, or with the document at a line and column
 */
public record JsonProblem(String field, String reason) {

    /** The reason with the field named first. */
    public String message() {
        return field == null ? reason : "field '" + field + "' " + reason;
    }

    /** The same problem inside an enclosing document, e.g. item {@code [3]} of an array. */
    public JsonProblem within(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return this;
        }
        String inner = field == null ? "" : field;
        return new JsonProblem(inner.isEmpty() || inner.startsWith("[") ? prefix + inner : prefix + "." + inner, reason);
    }

    public static JsonProblem of(JsonProcessingException e) {
        return of(e, true);
    }

    /**
     * @param withLine whether to name the line of a syntax error (not for one-line documents such
     *     as a JSON Lines record, whose caller names the file's line)
     */
    public static JsonProblem of(JsonProcessingException e, boolean withLine) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new JsonProblem(path(m), mappingReason(m));
        }
        if (e instanceof StreamConstraintsException) {
            return new JsonProblem(null, "JSON document exceeds a size limit: " + firstLine(e.getOriginalMessage()));
        }
        if (e instanceof JsonMappingException m && m.getCause() == null && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("No content to map")) {
            return new JsonProblem(null, "the JSON document is empty");
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? ""
                : withLine ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : " at column " + at.getColumnNr();
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return new JsonProblem(null, "malformed JSON" + where + ": more content after the end of the JSON document");
        }
        if (e instanceof JsonMappingException m && !(e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamReadException)) {
            return new JsonProblem(null, "the document " + mappingReason(m));
        }
        String reason = e instanceof JsonMappingException m ? mappingReason(m) : firstLine(e.getOriginalMessage());
        return new JsonProblem(null, "malformed JSON" + where + ": " + reason);
    }

    /** {@code a.b[2].c} from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String mappingReason(JsonMappingException e) {
        return switch (e) {
            case PropertyBindingException p -> "is not a known field" + known(p.getKnownPropertyIds());
            case InvalidNullException n -> "must not be null";
            case ValueInstantiationException v -> "is invalid: " + causeMessage(v);
            case InvalidFormatException f -> "cannot be " + quote(f.getValue()) + ": expected " + describe(f.getTargetType())
                    + causeSuffix(f);
            case MismatchedInputException m -> m.getTargetType() == null ? firstLine(m.getOriginalMessage())
                    : "has the wrong type: expected " + describe(m.getTargetType()) + causeSuffix(m);
            default -> "is invalid: " + causeMessage(e);
        };
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return " (known fields: " + new TreeSet<>(ids.stream().map(String::valueOf).toList()).stream()
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String causeMessage(JsonMappingException e) {
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (cause != null && cause.getMessage() != null) {
            return firstLine(cause.getMessage());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String causeSuffix(JsonMappingException e) {
        Throwable cause = e.getCause();
        return cause instanceof IllegalArgumentException && cause.getMessage() != null ? " (" + firstLine(cause.getMessage()) + ")" : "";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /** A JSON-minded name for the Java type a value should have had. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == org.lesionsearch.core.lesion.LesionId.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO date such as \"2019-03-01\"";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    /** The first line of a parser message, without Jackson's hints about its own switches. */
    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable JSON";
        }
        int nl = text.indexOf('\n');
        String line = (nl < 0 ? text : text.substring(0, nl)).replaceAll(",? *from `[^`]*`", "")
                .replaceAll("[:;,]? *\\(?(enable|set|use) `[^`]*`[^)]*\\)?", "").trim();
        if (line.startsWith("Non-standard token 'NaN'") || line.contains("'Infinity'") || line.contains("'-Infinity'")) {
            line += " (JSON has no NaN or infinite numbers)";
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
