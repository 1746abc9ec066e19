package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/** An import runs already on this instance; a second at once would draft the same product types twice. */
class OpenProductenImportRunning extends ProblemException {

    OpenProductenImportRunning() {
        super(409, "Open Producten import running", null, "An import from Open Producten is running; try again when it is done.");
    }
}
