package nl.loket.registry;

/**
 * The Klantinteracties API could not take the request now (5xx, 408/429, timeout, no connection):
 * worth retrying. The message names the step and status, never a resident's data.
 */
class RegistryUnavailable extends RuntimeException {

    private final int status;
    private final String responseBody;

    RegistryUnavailable(String message, int status, String responseBody, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.responseBody = responseBody;
    }

    /** HTTP status, or 0 when no answer came (timeout, refused connection). */
    int status() { return status; }

    String responseBody() { return responseBody; }
}
