package nl.loket.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The one mapping from a failure to the problem a caller sees, for the Camel routes ({@link HttpResponses}) and the
 * Spring MVC controllers ({@code ProblemResponses}) alike: a business failure with its own status, Redis trouble as
 * 503 with Retry-After (nothing was stored), an unreadable upload as 400 or 413, anything else as 500 without a stack
 * trace (logged here, with the path only).
 */
public final class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    /** A problem and the Retry-After seconds that go with it (null when a retry will not help). */
    public record Mapped(Problem problem, String retryAfter) { }

    private ProblemMapper() {
    }

    public static Mapped map(Throwable cause, String path) {
        if (cause instanceof ProblemException p) {
            // Every "try again" (a busy conversation) says when, like Redis trouble does.
            return new Mapped(Problem.of(p, path), p.status() == 503 ? RedisTrouble.RETRY_AFTER_SECONDS : null);
        }
        if (RedisTrouble.isCauseOf(cause)) {
            log.error("Redis unavailable while handling {}: {}", path, cause.getClass().getSimpleName());
            return new Mapped(Problem.of(503, "Service unavailable",
                    "Loket cannot store messages right now. Nothing was saved; please try again in a moment.", path),
                    RedisTrouble.RETRY_AFTER_SECONDS);
        }
        if (cause instanceof MultipartException) {
            // A file upload (only the campaign page takes one) that is too big or broken is the sender's mistake.
            boolean tooLarge = cause instanceof MaxUploadSizeExceededException;
            return new Mapped(tooLarge ? Problem.of(413, "Upload too large", "The file is too large.", path)
                    : Problem.of(400, "Invalid request", "The form data could not be read (multipart).", path), null);
        }
        log.error("Unexpected failure while handling {}", path, cause);
        return new Mapped(internalError(path), null);
    }

    /** Redis away, failing over or not confirming a write: answered 503, and the caller may try again. */
    public static boolean isRedisTrouble(Throwable cause) {
        return RedisTrouble.isCauseOf(cause);
    }

    public static Problem internalError(String path) {
        return Problem.of(500, "Internal error", "Something went wrong on our side. Please try again later.", path);
    }
}
