package nl.loket.contact;

import nl.loket.contact.store.AfterLock;
import nl.loket.contact.store.ConversationLock;
import nl.loket.contact.store.ConversationStore;
import nl.loket.platform.privacy.PersonalDataRedactor;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Prompts;
import nl.loket.platform.reactions.Reactions;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a resident tells Loket about a conversation afterwards: how satisfied they are (chat), and
 * "this did not help me" (web form), which hands the conversation to a person.
 * Kept apart from {@link ContactService} so the resident pages and the hand-off module can grow
 * without editing the same file.
 */
@Service
public class ResidentFeedback {

    public static final int MAX_REMARK_LENGTH = 1000;

    private final PersonalDataRedactor redactor = new PersonalDataRedactor();

    private final ConversationStore conversations;
    private final ConversationLock lock;
    private final Prompts prompts;
    private final Clock clock;
    private final ResponseTimes responseTimes;
    private final Reactions events;

    ResidentFeedback(ConversationStore conversations, ConversationLock lock, Prompts prompts, Clock clock,
                     ResponseTimes responseTimes, Reactions events) {
        this.conversations = conversations;
        this.lock = lock;
        this.prompts = prompts;
        this.clock = clock;
        this.responseTimes = responseTimes;
        this.events = events;
    }

    /** Stores a satisfaction score (1–5) and an optional remark on the conversation; a later answer replaces it. */
    public Conversation recordSatisfaction(String conversationId, int score, String remark) {
        if (score < 1 || score > 5) {
            throw new InvalidRequestException("score", "'score' must be a whole number from 1 to 5.");
        }
        String typed = InboundText.optional(remark, "remark", MAX_REMARK_LENGTH);
        // Remarks are read by supervisors and counted in insight: personal data has no place there.
        String cleaned = typed == null ? null : redactor.redact(typed).text();
        AfterLock after = new AfterLock(events);
        return after.publishAfter(lock.withLock(conversationId, () -> {
            Conversation conversation = conversations.find(conversationId)
                    .orElseThrow(() -> new InvalidRequestException("conversation", "There is no conversation yet."));
            Conversation rated = conversations.save(conversation.withSatisfaction(score, cleaned, OffsetDateTime.now(clock)));
            after.add(new SatisfactionGiven(rated.id(), rated.channel(), score, conversation.satisfaction(),
                    rated.updatedAt()));
            return rated;
        }));
    }

    /**
     * The resident says the answer did not help: a person takes the conversation further (reason
     * {@code NO_ANSWER}). Asking twice, or after a person already took over, changes nothing but
     * tells the resident the same reference again.
     */
    public Optional<Reply> notHelped(String conversationId) {
        if (conversationId == null || conversationId.length() > 64) {
            return Optional.empty();
        }
        // The id is the proof of ownership the form's confirmation page holds; it says nothing about other channels.
        AfterLock after = new AfterLock(events);
        return conversations.find(conversationId).filter(c -> c.channel() == Channel.WEBFORM)
                .map(found -> after.publishAfter(lock.withLock(found.id(), () -> {
            Conversation conversation = conversations.find(found.id()).orElse(found);
            String language = conversation.language() == null ? "nl" : conversation.language();
            String expected = responseTimes.expected(conversation.channel(), language);
            EscalationReason reason = EscalationReason.NO_ANSWER;
            Reply reply = new Reply(prompts.text("handoff", language,
                    Map.of("reference", conversation.reference(), "expected", expected)),
                    Outcome.ESCALATED, language, conversation.topic(), null, List.of(),
                    new Reply.Escalation(reason, reason.defaultPriority(), conversation.reference(), expected));
            if (conversation.state().ownedByHuman()) {
                return reply;
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Message> messages = conversations.messages(conversation.id());
            String lastResidentMessage = messages.stream().filter(m -> m.direction() == Direction.IN)
                    .map(Message::id).reduce((a, b) -> b).orElse(null);
            conversation = conversation.withOutcome(new AssistantOutcome(lastResidentMessage, Outcome.ESCALATED,
                    conversation.topic(), null, null, reason, language, now), now)
                    .withState(ConversationState.WAITING, now);
            conversation = conversations.save(conversation);
            // Like any hand-off: the resident's next message on another channel joins this conversation.
            conversations.markOpenHandoff(conversation.residentId(), conversation.id(), conversation.retentionUntil());
            after.add(new ConversationEscalated(conversation.id(), conversation.residentId(),
                    lastResidentMessage, reply.escalation(), now));
            return reply;
        })));
    }
}
