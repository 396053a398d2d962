package org.lesionsearch.server.api.error;

import java.util.List;

/**
 * A request the server refuses, with the status and the field at fault. Handlers throw it; the
 * error handlers turn it into an {@link ApiError} body.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String field;
    private final transient List<ApiError.Detail> details;

    public ApiException(int status, String message, String field, List<ApiError.Detail> details) {
        super(message);
        this.status = status;
        this.field = field;
        this.details = details == null ? null : List.copyOf(details);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, null, null);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, message, null, null);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, message, null, null);
    }

    public static ApiException unprocessable(String field, String message) {
        return new ApiException(422, message, field, null);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public List<ApiError.Detail> details() {
        return details;
    }
}
