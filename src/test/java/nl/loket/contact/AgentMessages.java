package nl.loket.contact;

import nl.loket.platform.Ids;
import org.springframework.context.ApplicationContext;

import java.time.OffsetDateTime;

/**
 * Test support: writes an agent's answer onto a conversation the way the (future) agent module
 * will, so the resident pages can be tested before that module exists.
 */
public final class AgentMessages {

    private AgentMessages() { }

    public static void answer(ApplicationContext context, String conversationId, String text) {
        ConversationStore store = context.getBean(ConversationStore.class);
        Conversation conversation = store.find(conversationId).orElseThrow();
        store.append(new Message(Ids.newId(), conversationId, Direction.OUT, AuthorRole.AGENT, conversation.channel(),
                text, text, OffsetDateTime.now(), null, null, null), conversation.retentionUntil());
    }
}
