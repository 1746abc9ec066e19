package nl.loket.contact;

import nl.loket.platform.ProblemException;

/** A resident message longer than Loket accepts; the resident is asked to shorten or split it. */
public class MessageTooLongException extends ProblemException {

    public MessageTooLongException(String field, int maxLength) {
        super(400, "Message too long", field,
                "The message is longer than " + maxLength + " characters. Please shorten it or send it in parts.");
    }
}
