package nl.loket.contact.inbound;

import nl.loket.contact.AssistantOutcome;
import nl.loket.contact.Conversation;
import nl.loket.contact.CrisisDuringHandoff;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Message;
import nl.loket.contact.OpenChoices;
import nl.loket.contact.Outcome;
import nl.loket.contact.Reply;
import nl.loket.contact.Responder;
import nl.loket.contact.store.AfterLock;
import nl.loket.platform.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a stored resident message is answered with: the {@link Responder}'s decision while the assistant has the
 * conversation; while a person has it, an urgent answer on a crisis, the answer to a choice the person put
 * ({@link OpenChoices}), or "your message was added"; and the safe "received" answer when the responder is missing or
 * fails.
 */
@Component
class Answers {

    private static final Logger log = LoggerFactory.getLogger(Answers.class);

    private final ObjectProvider<Responder> responder;
    private final ObjectProvider<OpenChoices> choices;
    private final Prompts prompts;

    Answers(ObjectProvider<Responder> responder, ObjectProvider<OpenChoices> choices, Prompts prompts) {
        this.responder = responder;
        this.choices = choices;
        this.prompts = prompts;
    }

    /** @param backInQueue set when the message answered a choice that put the conversation back in a queue */
    Responder.Decision decide(Conversation conversation, Message message, AfterLock after, AtomicBoolean backInQueue) {
        String language = conversation.language() == null ? "nl" : conversation.language();
        if (conversation.state().ownedByHuman()) {
            Responder available = responder.getIfAvailable();
            Optional<Reply> urgent = available == null ? Optional.empty()
                    : available.urgentWhileWithPerson(conversation, message);
            if (urgent.isPresent()) {
                after.add(new CrisisDuringHandoff(conversation.id(), message.id()));
                return new Responder.Decision(urgent.get(), null);
            }
            OpenChoices open = choices.getIfAvailable();
            Optional<OpenChoices.Answer> answered = open == null ? Optional.empty() : open.answer(conversation, message);
            if (answered.isPresent()) {
                backInQueue.set(answered.get().backInQueue());
                return new Responder.Decision(new Reply(answered.get().text(), Outcome.ESCALATED, language, conversation.topic(),
                        null, List.of(), new Reply.Escalation(lastReason(conversation), null, conversation.reference(), null)), null);
            }
            return new Responder.Decision(new Reply(prompts.text("message-forwarded", language, Map.of("reference", conversation.reference())),
                    Outcome.ESCALATED, language, conversation.topic(), null, List.of(),
                    new Reply.Escalation(lastReason(conversation), null, conversation.reference(), null)), null);
        }
        Responder available = responder.getIfAvailable();
        if (available == null) {
            return new Responder.Decision(receivedReply(conversation, language), null);
        }
        try {
            return available.respond(conversation, message);
        } catch (RuntimeException e) {
            // The message is stored; a person takes it further. The log names the failure, never the text.
            log.error("Responder failed on message {} of conversation {}: {}", message.id(), conversation.id(), e.toString());
            return new Responder.Decision(receivedReply(conversation, language), null);
        }
    }

    private static EscalationReason lastReason(Conversation conversation) {
        return conversation.outcomes().stream()
                .map(AssistantOutcome::reason).filter(r -> r != null)
                .reduce((a, b) -> b).orElse(EscalationReason.NO_ANSWER);
    }

    /** The safe answer when nothing better can be said: stored, a colleague takes it further, here is your reference. */
    Reply receivedReply(Conversation conversation, String language) {
        String text = prompts.text("received", language, Map.of("reference", conversation.reference()));
        return new Reply(text, Outcome.ESCALATED, language, null, null, List.of(),
                new Reply.Escalation(EscalationReason.NO_ANSWER, EscalationReason.NO_ANSWER.defaultPriority(),
                        conversation.reference(), null));
    }
}
