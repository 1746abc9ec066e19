package nl.loket.channel.chat;

import nl.loket.platform.ProblemException;

/** No chat session with this id and token: the same answer for both, so nothing is revealed. */
class ChatSessionNotFoundException extends ProblemException {

    ChatSessionNotFoundException() {
        super(404, "Chat session not found", null, "This chat session does not exist or the token does not belong to it.");
    }
}
