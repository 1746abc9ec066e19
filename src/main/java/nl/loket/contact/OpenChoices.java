package nl.loket.contact;

import java.util.Optional;

/**
 * The port through which a resident's message can answer a choice a person put to them, such as the call-back times
 * an agent proposed ("reply with 1, 2 or 3"). The contact module asks it while a person owns the conversation, after
 * the crisis check and before the usual "your message was added" reply, so a picked number is never taken for a new
 * question. The hand-off module implements it; the message is already stored when this is called.
 */
public interface OpenChoices {

    /**
     * The answer to the choice this message makes, or empty when no choice is open or the message is not an attempt
     * at one (then the resident gets the usual reply and the agent reads the message).
     */
    Optional<Answer> answer(Conversation conversation, Message message);

    /** The choice open in this conversation now, for a page that can show it as buttons; empty when none. */
    Optional<Choice> open(String conversationId);

    /**
     * @param messageId the stored message that put the choice to the resident
     * @param options   what each number stands for, number 1 first, as the message lists them
     */
    record Choice(String messageId, java.util.List<String> options) { }

    /**
     * @param text        what the resident is told, in their language and in plain words
     * @param backInQueue the conversation waits in a queue again (a call-back was planned), rather than with an agent
     */
    record Answer(String text, boolean backInQueue) { }
}
