package org.lesionsearch.indexer.dicomweb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed media type with its parameters, e.g.
 * {@code multipart/related; type="application/dicom"; boundary=abc}. Type, subtype and
 * parameter names are case-insensitive and kept in lower case; values keep their case.
 */
public record ContentType(String mediaType, Map<String, String> parameters) {

    public ContentType {
        mediaType = mediaType.toLowerCase(Locale.ROOT);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses a Content-Type header value (RFC 9110 syntax: token "/" token, then
     * {@code ; name=value} pairs where a value is a token or a quoted string).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ContentType parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("Content-Type is missing");
        }
        int semicolon = header.indexOf(';');
        String type = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
        int slash = type.indexOf('/');
        if (slash <= 0 || slash == type.length() - 1 || type.indexOf('/', slash + 1) >= 0 || type.contains(" ")) {
            throw new IllegalArgumentException("Content-Type '" + header + "' is not a media type");
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = semicolon < 0 ? header.length() : semicolon + 1;
        while (i < header.length()) {
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                if (header.substring(i).isBlank()) {
                    break;
                }
                throw new IllegalArgumentException("Content-Type parameter '" + header.substring(i).trim() + "' has no value");
            }
            String name = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Content-Type has a parameter without a name");
            }
            int j = eq + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            String value;
            if (j < header.length() && header.charAt(j) == '"') {
                StringBuilder quoted = new StringBuilder();
                int k = j + 1;
                boolean closed = false;
                while (k < header.length()) {
                    char c = header.charAt(k);
                    if (c == '\\' && k + 1 < header.length()) {
                        quoted.append(header.charAt(k + 1));
                        k += 2;
                    } else if (c == '"') {
                        closed = true;
                        k++;
                        break;
                    } else {
                        quoted.append(c);
                        k++;
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("Content-Type parameter '" + name + "' has an unclosed quote");
                }
                value = quoted.toString();
                int next = header.indexOf(';', k);
                if (next >= 0 ? !header.substring(k, next).isBlank() : !header.substring(k).isBlank()) {
                    throw new IllegalArgumentException("Content-Type parameter '" + name + "' has text after its quoted value");
                }
                i = next < 0 ? header.length() : next + 1;
            } else {
                int next = header.indexOf(';', j);
                value = (next < 0 ? header.substring(j) : header.substring(j, next)).trim();
                i = next < 0 ? header.length() : next + 1;
            }
            params.put(name, value);
        }
        return new ContentType(type, params);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    public boolean is(String type) {
        return mediaType.equalsIgnoreCase(type);
    }

    /** The header value, with values quoted where they need it. */
    public String format() {
        StringBuilder sb = new StringBuilder(mediaType);
        parameters.forEach((name, value) -> {
            sb.append("; ").append(name).append('=');
            if (value.isEmpty() || !value.chars().allMatch(ContentType::isTokenChar)) {
                sb.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(value);
            }
        });
        return sb.toString();
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
