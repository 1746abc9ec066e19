package nl.loket.channel.chat;

import nl.loket.platform.ProblemException;

/** A chat request without {@code Authorization: Bearer <token>}. */
class ChatTokenMissingException extends ProblemException {

    ChatTokenMissingException() {
        super(401, "Chat token missing", "Authorization",
                "Send the session token from POST /api/chat/sessions as 'Authorization: Bearer <token>'.");
    }
}
