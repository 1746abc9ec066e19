package nl.loket.platform;

/** The request cannot be used as it is: a field is missing, too long or malformed. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String field, String detail) {
        super(400, "Invalid request", field, detail);
    }
}
