package nl.loket.registry;

/**
 * The Klantinteracties API refused the request (400 with validation errors, 401/403, 404…): sending the
 * same again cannot help, so the job goes to the dead letters at once, with the API's answer, for an
 * operator to look at and replay.
 */
class RegistrationRejected extends RuntimeException {

    private final int status;
    private final String responseBody;

    RegistrationRejected(String message, int status, String responseBody) {
        super(message);
        this.status = status;
        this.responseBody = responseBody;
    }

    int status() { return status; }

    String responseBody() { return responseBody; }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
