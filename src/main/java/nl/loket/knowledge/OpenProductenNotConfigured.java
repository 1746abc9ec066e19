package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/** An import was asked for, but no Open Producten is connected ({@code loket.knowledge.open-producten.base-url}). */
class OpenProductenNotConfigured extends ProblemException {

    OpenProductenNotConfigured() {
        super(409, "Open Producten not connected", null,
                "Set loket.knowledge.open-producten.base-url (and its token) to import product types.");
    }
}
