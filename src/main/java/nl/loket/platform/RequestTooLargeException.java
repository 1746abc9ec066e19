package nl.loket.platform;

/** The request body is larger than any resident message can be. */
public class RequestTooLargeException extends ProblemException {

    public RequestTooLargeException(int maxBytes) {
        super(413, "Request too large", "body", "The request is larger than " + maxBytes + " bytes.");
    }
}
