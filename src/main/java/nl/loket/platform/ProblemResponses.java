package nl.loket.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Problem responses for Spring MVC controllers (the agent API), the same as {@link HttpResponses}
 * gives the Camel routes: business failures with their status, Redis trouble as 503.
 */
@RestControllerAdvice
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Problem> problem(ProblemException e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status()).contentType(PROBLEM);
        if (e.status() == 503) {
            response.header("Retry-After", RedisTrouble.RETRY_AFTER_SECONDS);
        }
        return response.body(Problem.of(e, request.getRequestURI()));
    }

    @ExceptionHandler(JedisException.class)
    ResponseEntity<Problem> redisDown(JedisException e, HttpServletRequest request) {
        if (!RedisTrouble.isCauseOf(e)) {
            log.error("Unexpected store failure while handling {}", request.getRequestURI(), e);
            return ResponseEntity.status(500).contentType(PROBLEM).body(new Problem("about:blank", "Internal error", 500,
                    "Something went wrong on our side. Please try again later.", request.getRequestURI(), null));
        }
        log.error("Redis unavailable while handling {}: {}", request.getRequestURI(), e.getClass().getSimpleName());
        return ResponseEntity.status(503).contentType(PROBLEM).header("Retry-After", RedisTrouble.RETRY_AFTER_SECONDS)
                .body(new Problem("about:blank", "Service unavailable", 503,
                        "Loket cannot reach its store right now; please try again in a moment.", request.getRequestURI(), null));
    }

    /** A file upload (only the campaign page takes one) that is too big or broken is the sender's mistake. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Problem> badUpload(MultipartException e, HttpServletRequest request) {
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        return ResponseEntity.status(tooLarge ? 413 : 400).contentType(PROBLEM)
                .body(new Problem("about:blank", tooLarge ? "Upload too large" : "Invalid request", tooLarge ? 413 : 400,
                        tooLarge ? "The file is too large." : "The form data could not be read (multipart).",
                        request.getRequestURI(), null));
    }
}
