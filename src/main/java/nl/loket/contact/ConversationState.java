package nl.loket.contact;

/** Who owns a conversation: the assistant, the queue, an agent, or nobody any more. */
public enum ConversationState {
    BOT, WAITING, WITH_AGENT, CLOSED;

    /** Once a person is involved the assistant stays silent. */
    public boolean ownedByHuman() {
        return this == WAITING || this == WITH_AGENT;
    }
}
