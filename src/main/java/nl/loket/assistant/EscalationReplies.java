package nl.loket.assistant;

import nl.loket.contact.Conversation;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Message;
import nl.loket.contact.Outcome;
import nl.loket.contact.Priority;
import nl.loket.contact.Reply;
import nl.loket.contact.ResponseTimes;
import nl.loket.handoff.Callbacks;
import nl.loket.platform.Prompts;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * What the resident hears when a person takes over: always the reference and what happens next,
 * in their language, from the texts in {@code prompts/}. Crisis messages carry the help numbers.
 */
@Component
class EscalationReplies {

    private final Prompts prompts;
    private final ResponseTimes responseTimes;
    private final Callbacks callbacks;

    EscalationReplies(Prompts prompts, ResponseTimes responseTimes, Callbacks callbacks) {
        this.prompts = prompts;
        this.responseTimes = responseTimes;
        this.callbacks = callbacks;
    }

    /**
     * A resident who asked to be called back goes to a person, and the reply offers the team's free times to pick
     * by number, as an agent's proposal does. Without a phone number or a free time: the usual hand-off reply.
     */
    Reply callbackRequested(Priority priority, Conversation conversation, Message message, String language) {
        return callbackRequested(EscalationReason.HUMAN_REQUESTED, priority, conversation, message, language);
    }

    /**
     * The same for a message that goes to a person for another reason as well (their own case, a complaint, several
     * matters): the reason's own reply, then the times of the team that reason goes to.
     */
    Reply callbackRequested(EscalationReason reason, Priority priority, Conversation conversation, Message message,
                            String language) {
        Reply usual = reply(reason, priority, conversation, language);
        return callbacks.offerWithHandoff(conversation, message, usual.language(), reason)
                .map(times -> reason == EscalationReason.HUMAN_REQUESTED ? times : usual.text() + "\n\n" + times)
                .map(text -> new Reply(text, Outcome.ESCALATED, usual.language(), null, null, List.of(), usual.escalation()))
                .orElse(usual);
    }

    Reply reply(EscalationReason reason, Priority priority, Conversation conversation, String language) {
        String lang = "en".equals(language) ? "en" : "nl";
        String expected = responseTimes.expected(conversation.channel(), lang);
        Map<String, String> values = Map.of("reference", conversation.reference(), "expected", expected);
        String text = switch (reason) {
            case CRISIS -> prompts.text("crisis", lang, values);
            case UNSAFE_INPUT -> prompts.text("unsafe-input", lang, values);
            case CASE_SPECIFIC -> prompts.text("case-specific", lang, values);
            case COMPLAINT -> prompts.text("complaint", lang, values);
            default -> prompts.text("handoff", lang, values);
        };
        return new Reply(text, Outcome.ESCALATED, lang, null, null, List.of(),
                new Reply.Escalation(reason, priority, conversation.reference(), expected));
    }

    /**
     * A crisis written in a language the assistant does not answer in (Turkish, Arabic, Spanish…): the help numbers in
     * Dutch and in English, so the resident or someone beside them can read at least one.
     */
    Reply crisisInOtherLanguage(Priority priority, Conversation conversation) {
        Reply dutch = reply(EscalationReason.CRISIS, priority, conversation, "nl");
        String english = prompts.text("crisis", "en", Map.of("reference", conversation.reference(),
                "expected", responseTimes.expected(conversation.channel(), "en")));
        return new Reply(dutch.text() + "\n\n" + english, Outcome.ESCALATED, "nl", null, null, List.of(), dutch.escalation());
    }

    /**
     * A message in a language the assistant does not answer in: a short text in that language when
     * the municipality has one, and a person who can bring an interpreter.
     */
    Reply otherLanguage(String languageCode, Conversation conversation) {
        Map<String, String> values = Map.of("reference", conversation.reference());
        String own = prompts.optional("language-fallback/" + languageCode + ".txt", values).orElse(null);
        String text = own != null ? own + "\n\n" + prompts.text("received", "en", values) : prompts.text("received", "en", values);
        String expected = responseTimes.expected(conversation.channel(), "en");
        return new Reply(text, Outcome.ESCALATED, languageCode, null, null, List.of(),
                new Reply.Escalation(EscalationReason.LANGUAGE, EscalationReason.LANGUAGE.defaultPriority(),
                        conversation.reference(), expected));
    }
}
