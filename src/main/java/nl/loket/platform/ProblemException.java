package nl.loket.platform;

/**
 * A business failure that the caller can understand and act on. It becomes an
 * {@code application/problem+json} response (RFC 9457) with its status, a short title and a
 * detail that never contains a resident's data.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    protected ProblemException(int status, String title, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public int status() { return status; }

    public String title() { return title; }

    /** The request field at fault, or null. */
    public String field() { return field; }

    public String detail() { return getMessage(); }

    /** Problems are expected outcomes; a stack trace would only fill the log. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
