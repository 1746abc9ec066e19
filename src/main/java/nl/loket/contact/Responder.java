package nl.loket.contact;

import java.util.Optional;

/**
 * The port through which a stored resident message gets its answer. The guarded assistant
 * implements it; the contact module only knows this interface.
 */
public interface Responder {

    /**
     * Decide the reply to one message that is already stored on the conversation.
     * Must not throw for a resident's content; an internal failure may throw and is then
     * turned into a safe hand-off by the caller.
     */
    Decision respond(Conversation conversation, Message message);

    /**
     * While a person owns the conversation the responder stays silent, except where silence could
     * harm: a reply that must still go out at once (the crisis help numbers). Empty by default.
     */
    default Optional<Reply> urgentWhileWithPerson(Conversation conversation, Message message) {
        return Optional.empty();
    }

    /** The reply, and how sure the responder was (null when the question did not get that far). */
    record Decision(Reply reply, Double confidence) { }
}
