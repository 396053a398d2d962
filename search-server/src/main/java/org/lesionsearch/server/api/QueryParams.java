package org.lesionsearch.server.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lesionsearch.server.api.error.ApiException;

/** Strict reading of query parameters: unknown names, repeated values and non-numbers are errors naming the parameter. */
public final class QueryParams {

    private final Context ctx;

    private QueryParams(Context ctx) {
        this.ctx = ctx;
    }

    /** Refuses any parameter not in {@code allowed}, so that a misspelling does not silently do nothing. */
    public static QueryParams of(Context ctx, Set<String> allowed) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(name, "unknown query parameter '" + name + "'"
                        + (allowed.isEmpty() ? "; this endpoint takes none" : " (known: " + String.join(", ", new TreeSet<>(allowed)) + ")"));
            }
        }
        return new QueryParams(ctx);
    }

    public String string(String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ApiException.badRequest(name, "query parameter '" + name + "' is given " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    /** An integer in {@code [min, max]}; 400 when it is not a number, 422 when out of range. */
    public int integer(String name, int defaultValue, int min, int max) {
        String text = string(name);
        if (text == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "query parameter '" + name + "' must be an integer, was '" + text + "'");
        }
        return inRange(name, value, min, max);
    }

    public boolean bool(String name, boolean defaultValue) {
        String text = string(name);
        if (text == null) {
            return defaultValue;
        }
        return switch (text.trim()) {
            case "true", "1", "" -> true;
            case "false", "0" -> false;
            default -> throw ApiException.badRequest(name, "query parameter '" + name + "' must be true or false, was '" + text + "'");
        };
    }

    /** Comma-separated values, possibly repeated ({@code include=a,b&include=c}). */
    public List<String> list(String name) {
        return ctx.queryParams(name).stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiException.unprocessable(name, name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
