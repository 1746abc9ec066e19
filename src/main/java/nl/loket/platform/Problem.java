package nl.loket.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of an {@code application/problem+json} response (RFC 9457). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, null);
    }

    public static Problem of(ProblemException e, String path) {
        return new Problem("about:blank", e.title(), e.status(), e.detail(), path, e.field());
    }
}
