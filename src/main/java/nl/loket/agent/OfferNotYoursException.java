package nl.loket.agent;

import nl.loket.platform.ProblemException;

/** The task is not (or no longer) offered to this agent: the offer lapsed, was withdrawn, or went to a colleague. */
class OfferNotYoursException extends ProblemException {

    OfferNotYoursException() {
        super(409, "Offer not yours", null, "This task is not offered to you (any more): it lapsed or went to a colleague.");
    }
}
