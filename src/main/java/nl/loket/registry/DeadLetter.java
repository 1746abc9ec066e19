package nl.loket.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * A registration that did not go through: which conversation, why (the failing request and status),
 * the API's own answer (e.g. its validation errors), how often it was tried and when it gave up.
 * Holds no message text; the API's answer is kept as it came, for the operator only, never logged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeadLetter(String id, String conversationId, String reason, Integer status, String errorBody, int attempts,
                  OffsetDateTime failedAt) {
}
