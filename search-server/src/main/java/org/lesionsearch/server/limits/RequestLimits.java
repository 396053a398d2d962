package org.lesionsearch.server.limits;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.auth.Principal;
import org.lesionsearch.server.auth.Principals;

/**
 * Limits checked before every matched request, after access control: the length of query
 * parameters (a search query is text a person types, not a document) and the request rate per
 * token (per client address without tokens), answered with 429 and {@code Retry-After}. Body
 * sizes, page sizes and offsets are the server configuration's limits, checked where bodies and
 * pages are read.
 */
public final class RequestLimits implements Routes {

    /**
     * @param maxParameterChars longest value of one query parameter ({@code q} included)
     * @param maxParameters most query parameters in one request
     * @param ratePerSecond default requests per second per token (or client address); 0 for none
     */
    public record Settings(int maxParameterChars, int maxParameters, double ratePerSecond) {

        public static final int DEFAULT_MAX_PARAMETER_CHARS = 2000;
        public static final int DEFAULT_MAX_PARAMETERS = 32;
        public static final double DEFAULT_RATE_PER_SECOND = 100;

        public Settings {
            if (maxParameterChars < 16 || maxParameters < 1) {
                throw new IllegalArgumentException("parameter limits must be at least 16 characters and 1 parameter");
            }
            if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("the rate limit must be a number of requests per second, 0 for none,"
                        + " was " + ratePerSecond);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_MAX_PARAMETER_CHARS, DEFAULT_MAX_PARAMETERS, DEFAULT_RATE_PER_SECOND);
        }

        public Settings withRatePerSecond(double rate) {
            return new Settings(maxParameterChars, maxParameters, rate);
        }
    }

    private final Settings settings;
    private final RateLimiter limiter;

    public RequestLimits(Settings settings, RateLimiter limiter) {
        this.settings = settings;
        this.limiter = limiter;
    }

    @Override
    public void register(Javalin app) {
        app.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        int count = params.values().stream().mapToInt(List::size).sum();
        if (count > settings.maxParameters()) {
            throw ApiException.badRequest(null, "the request has " + count + " query parameters; at most "
                    + settings.maxParameters() + " are accepted");
        }
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String value : e.getValue()) {
                if (value.length() > settings.maxParameterChars()) {
                    throw new ApiException(414, "query parameter '" + e.getKey() + "' has " + value.length()
                            + " characters; at most " + settings.maxParameterChars() + " are accepted", e.getKey(), null);
                }
            }
        }
        Principal principal = Principals.find(ctx).orElse(null);
        boolean byToken = principal != null && !principal.equals(Principal.LOCAL);
        double rate = byToken && principal.ratePerSecond() != null ? principal.ratePerSecond() : settings.ratePerSecond();
        if (rate <= 0) {
            return;
        }
        String key = byToken ? "token " + principal.name() : "address " + ctx.ip();
        long waitNanos = limiter.acquire(key, rate);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, (byToken ? "token '" + principal.name() + "'" : "this client")
                    + " is over its limit of " + formatRate(rate) + " requests per second; retry after " + seconds + " s",
                    null, null);
        }
    }

    private static String formatRate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
