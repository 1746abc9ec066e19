package nl.loket.knowledge;

/**
 * A knowledge-base article that breaks the article format. The message names the file and the field, for example
 * {@code knowledge/nl/paspoort.md: field 'summary' is 312 characters; at most 300 fit two SMS segments}.
 */
public class InvalidArticleException extends RuntimeException {

    private final String file;
    private final String field;

    public InvalidArticleException(String file, String field, String problem) {
        super(file + ": " + (field == null ? "" : "field '" + field + "' ") + problem);
        this.file = file;
        this.field = field;
    }

    InvalidArticleException(String file, String field, String problem, Throwable cause) {
        this(file, field, problem);
        initCause(cause);
    }

    /** The file the problem is in, as shown in the message (for example {@code knowledge/nl/paspoort.md}). */
    public String file() {
        return file;
    }

    /** The front-matter field at fault, or null when the problem is not about one field. */
    public String field() {
        return field;
    }
}
