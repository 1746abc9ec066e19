package nl.loket.contact;

import nl.loket.contact.inbound.ConversationFinder;
import nl.loket.contact.inbound.MessageIntake;
import nl.loket.contact.lifecycle.AgentReplies;
import nl.loket.contact.lifecycle.ConversationLifecycle;
import nl.loket.contact.store.ConversationStore;
import nl.loket.contact.store.ResidentStore;
import nl.loket.platform.ReplicatedWrites;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The contact module's facade: every channel hands its {@link InboundMessage} to {@link #receive},
 * which finds the resident, finds or opens the conversation, stores the message, and only then
 * asks the {@link Responder} for an answer. A message is stored before anything can fail on it.
 *
 * <p>The work is done inside the module: receiving a message in {@code contact.inbound}, what people do with a
 * conversation afterwards in {@code contact.lifecycle}, and Redis in {@code contact.store}.
 */
@Service
public class ContactService {

    private final MessageIntake intake;
    private final ConversationFinder finder;
    private final ConversationLifecycle lifecycle;
    private final AgentReplies agentReplies;
    private final ConversationStore conversations;
    private final ResidentStore residents;
    private final ObjectProvider<OpenChoices> choices;

    ContactService(MessageIntake intake, ConversationFinder finder, ConversationLifecycle lifecycle,
                   AgentReplies agentReplies, ConversationStore conversations, ResidentStore residents,
                   ObjectProvider<OpenChoices> choices) {
        this.intake = intake;
        this.finder = finder;
        this.lifecycle = lifecycle;
        this.agentReplies = agentReplies;
        this.conversations = conversations;
        this.residents = residents;
        this.choices = choices;
    }

    /**
     * Stores one resident message and answers it; a repeated provider delivery gets the first receipt again. The
     * receipt is returned only once a replica has the message, its conversation and, on a hand-off, its task
     * ({@link ReplicatedWrites}); otherwise 503, and the retry gets this receipt.
     */
    public Receipt receive(InboundMessage inbound) {
        return intake.receive(inbound);
    }

    // ---- people taking over: used by the hand-off module, always store first ----

    /** An agent took the conversation. */
    public Conversation assign(String conversationId) {
        return lifecycle.assign(conversationId);
    }

    /** The agent gave the conversation back (or went silent): it waits for the next agent. */
    public Conversation requeue(String conversationId) {
        return lifecycle.requeue(conversationId);
    }

    /** A person closed the conversation with a resolution code; the resident's next message opens a new one. */
    public Conversation close(String conversationId, Resolution resolution) {
        return lifecycle.close(conversationId, resolution);
    }

    /**
     * Stores an agent's reply on the conversation, before anything tries to send it (delivery status PENDING), and
     * returns once a replica has it: a reply the agent saw accepted survives a failover.
     */
    public Message appendAgentMessage(String conversationId, String text) {
        return appendAgentMessage(conversationId, text, null);
    }

    /**
     * Like {@link #appendAgentMessage(String, String)}; a resend with the same {@code idempotencyKey} (the first try
     * answered 503, e.g. no replica confirmed in time) returns the reply the first try stored, as it is now, instead
     * of storing a second copy.
     *
     * @param idempotencyKey the reply's name, scoped by the caller so no other task or agent can collide; null: none
     */
    public Message appendAgentMessage(String conversationId, String text, String idempotencyKey) {
        return agentReplies.appendAgentMessage(conversationId, text, idempotencyKey);
    }

    /** Records how sending a stored message went (SENT, FAILED, CALLBACK), so the agent sees it. */
    public Optional<Message> recordDelivery(String conversationId, String messageId, DeliveryStatus status) {
        return agentReplies.recordDelivery(conversationId, messageId, status);
    }

    // ---- reading, for channels and agents ----

    /**
     * Conversations waiting for a person since before {@code before} (oldest first), for the hand-off
     * module to check that each has its task. Ids of conversations gone with retention are dropped.
     */
    public List<Conversation> waitingSince(OffsetDateTime before, int limit) {
        return lifecycle.waitingSince(before, limit);
    }

    /** The hand-off module confirmed this waiting conversation has its task: no need to check it again. */
    public void waitingHasTask(String conversationId) {
        lifecycle.waitingHasTask(conversationId);
    }

    /** The choice a person put to the resident that is still open in this conversation (call-back times), if any. */
    public Optional<OpenChoices.Choice> openChoice(String conversationId) {
        OpenChoices open = choices.getIfAvailable();
        return open == null ? Optional.empty() : open.open(conversationId);
    }

    public Optional<Conversation> conversation(String conversationId) {
        return conversations.find(conversationId);
    }

    public Optional<Conversation> conversationByReference(String reference) {
        return conversations.findByReference(reference);
    }

    /** The conversation a channel thread (chat session, call) belongs to, if any message was stored yet. */
    public Optional<Conversation> conversationOfThread(Channel channel, String threadKey) {
        return finder.conversationOfThread(channel, threadKey);
    }

    public List<Message> messages(String conversationId) {
        return conversations.messages(conversationId);
    }

    public Optional<Resident> resident(String residentId) {
        return residents.find(residentId);
    }

    public Optional<String> residentIdOf(Identity identity) {
        return residents.findIdByIdentity(identity);
    }

    /** A resident's contacts across every channel, newest first, with those of residents an agent confirmed as the same person. */
    public List<ContactSummary> history(String residentId) {
        Stream<Conversation> own = conversations.ofResident(residentId).stream();
        Stream<Conversation> confirmed = residents.confirmedMatches(residentId).stream()
                .flatMap(other -> conversations.ofResident(other).stream());
        return Stream.concat(own, confirmed)
                .sorted(Comparator.comparing(Conversation::startedAt).reversed())
                .map(c -> ContactSummary.of(c, conversations.messages(c.id()))).toList();
    }

    /** Residents who may be this resident (same typed phone number or e-mail address), for an agent to decide on. */
    public List<PossibleMatch> possibleMatches(String residentId) {
        return residents.possibleMatches(residentId).stream().sorted()
                .flatMap(other -> residents.find(other).stream())
                .map(other -> new PossibleMatch(other.id(), conversations.ofResident(other.id()).size(),
                        other.lastContactAt()))
                .toList();
    }

    /**
     * An agent decided whether a possible match is the same person: confirmed, the histories show together;
     * rejected, it is not proposed again. False when the pair was not (or no longer) a possible match.
     */
    public boolean decideMatch(String residentId, String otherResidentId, boolean samePerson) {
        return residents.decideMatch(residentId, otherResidentId, samePerson);
    }
}
