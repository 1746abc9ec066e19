package nl.loket.contact;

import nl.loket.platform.ProblemException;

/** Another message of the same conversation is still being handled for longer than allowed. */
final class ConversationBusyException extends ProblemException {

    ConversationBusyException() {
        super(503, "Conversation busy", null, "Your previous message is still being handled. Please try again in a moment.");
    }
}
