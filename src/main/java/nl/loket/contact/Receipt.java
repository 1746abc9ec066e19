package nl.loket.contact;

/**
 * What became of one inbound message: stored on this conversation, answered with this reply.
 * {@code duplicate} is true when the provider delivered it before and nothing new was stored.
 */
public record Receipt(String residentId, Conversation conversation, String messageId, Reply reply, boolean duplicate) {

    public String reference() {
        return conversation.reference();
    }
}
