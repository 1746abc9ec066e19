package nl.loket.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Problem responses for Spring MVC controllers (the agent API and pages' JSON), mapped by {@link ProblemMapper} exactly
 * as the Camel routes' are: business failures with their status, Redis trouble as 503, a broken upload as 400/413.
 */
@RestControllerAdvice
class ProblemResponses {

    private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    // NotReplicatedException is Redis trouble too (no replica confirmed a write in time): 503, never a 500
    @ExceptionHandler({ProblemException.class, JedisException.class, NotReplicatedException.class, MultipartException.class})
    ResponseEntity<Problem> problem(Exception e, HttpServletRequest request) {
        ProblemMapper.Mapped mapped = ProblemMapper.map(e, request.getRequestURI());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(mapped.problem().status()).contentType(PROBLEM);
        if (mapped.retryAfter() != null) {
            response.header("Retry-After", mapped.retryAfter());
        }
        return response.body(mapped.problem());
    }
}
