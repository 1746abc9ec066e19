package nl.loket.contact.store;

import nl.loket.platform.ProblemException;

/** Another message of the same conversation is still being handled for longer than allowed. */
public final class ConversationBusyException extends ProblemException {

    public ConversationBusyException() {
        super(503, "Conversation busy", null, "Your previous message is still being handled. Please try again in a moment.");
    }
}
