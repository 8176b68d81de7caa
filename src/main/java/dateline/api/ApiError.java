package dateline.api;

import java.time.Duration;

/**
 * A refusal by the API, as every answer of it states one: the HTTP status, a code that programs can rely on,
 * a message for people, and the field of the request at fault when there is one. The codes are stable;
 * the messages may be reworded.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final Duration retryAfter;

    private ApiError(int status, String code, String message, String field, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, null, null);
    }

    static ApiError malformedJson(String message) {
        return of(400, "malformed_json", message);
    }

    static ApiError invalidBody(String message) {
        return of(400, "invalid_body", message);
    }

    static ApiError unknownField(String field) {
        return new ApiError(400, "unknown_field", "This request has no field “" + field + "”.", field, null);
    }

    static ApiError invalidField(String field, String message) {
        return new ApiError(400, "invalid_field", message, field, null);
    }

    static ApiError missingToken() {
        return of(401, "missing_token", "This needs an API token: send it as “Authorization: Bearer dl_…”.");
    }

    static ApiError invalidToken() {
        return of(401, "invalid_token", "This API token is not valid: it is mistyped, revoked, or its account is closed.");
    }

    static ApiError insufficientScope(Scope needed) {
        return of(403, "insufficient_scope", "This needs a token with the “" + needed.code() + "” scope.");
    }

    static ApiError notAllowed(String message) {
        return of(403, "not_allowed", message);
    }

    static ApiError notFound(String message) {
        return of(404, "not_found", message);
    }

    static ApiError conflict(String message) {
        return of(409, "conflict", message);
    }

    static ApiError unsupportedMediaType() {
        return of(415, "unsupported_media_type", "Send the body as JSON, with “Content-Type: application/json”.");
    }

    static ApiError rateLimited(Duration retryAfter) {
        return new ApiError(429, "rate_limited", "Too many requests: try again in "
                + Math.max(1, retryAfter.toSeconds()) + " seconds.", null, retryAfter);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The field at fault, as the request names it ({@code edit.note}, {@code tags[2]}), or null. */
    public String field() {
        return field;
    }

    /** How long to wait, for a refusal that ends by waiting; else null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
