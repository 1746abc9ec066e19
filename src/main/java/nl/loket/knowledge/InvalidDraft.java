package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/** A draft that breaks the article rules the loader applies to the Markdown files; nothing was stored. */
class InvalidDraft extends ProblemException {

    InvalidDraft(String field, String detail) {
        super(400, "Invalid article", field, detail);
    }
}
