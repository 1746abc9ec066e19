package nl.loket.platform;

/** The request body comes in a form Loket does not read (multipart, another character set, a wildcard). */
class UnsupportedContentTypeException extends ProblemException {

    UnsupportedContentTypeException() {
        super(415, "Unsupported content type", "Content-Type",
                "Send JSON (application/json) or a form (application/x-www-form-urlencoded), in UTF-8.");
    }
}
