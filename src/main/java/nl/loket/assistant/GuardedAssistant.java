package nl.loket.assistant;

import nl.loket.contact.AssistantOutcome;
import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Message;
import nl.loket.contact.Outcome;
import nl.loket.contact.Priority;
import nl.loket.contact.Reply;
import nl.loket.contact.Responder;
import nl.loket.knowledge.Article;
import nl.loket.knowledge.CurrentKnowledge;
import nl.loket.knowledge.KnowledgeBase;
import nl.loket.knowledge.Retrieval;
import nl.loket.platform.Prompts;
import nl.loket.platform.text.TextNormalizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guarded assistant, Loket's {@link Responder}. Steps run cheapest and most important first:
 * input guard and rate → (redacted text from here on) triage → language → retrieval with a
 * confidence gate and a check that the question is not about another organisation → the article rendered for the channel, optionally rephrased by a language model
 * under an output guard. It informs; it never decides on a resident's case. When unsure it asks
 * one short question or hands over to a person. One exception to the order: a crisis signal wins over
 * the input guard and the rate limit, so a resident in crisis always gets the help numbers.
 */
@Component
class GuardedAssistant implements Responder {

    private final InputGuard inputGuard;
    private final ResidentRateLimit rateLimit;
    private final Triage triage;
    private final LanguageDetector languages;
    private final CurrentKnowledge currentKnowledge;
    private final AnswerRenderer renderer;
    private final EscalationReplies escalations;
    private final LanguageModelRephraser rephraser;
    private final Prompts prompts;
    private final AssistantProperties properties;
    private final OtherOrganisationCheck otherOrganisations = new OtherOrganisationCheck();
    private final CallbackRequestSignals callbackRequest = new CallbackRequestSignals();
    /**
     * A resident who asks to be called back gets the team's free times with these reasons (their own reply first);
     * not with a crisis (the help numbers, at once) nor with unsafe input (a person decides what to answer).
     */
    private static final java.util.Set<EscalationReason> TIMES_WITH = java.util.EnumSet.of(
            EscalationReason.HUMAN_REQUESTED, EscalationReason.CASE_SPECIFIC, EscalationReason.COMPLAINT,
            EscalationReason.COMPLEX);

    GuardedAssistant(InputGuard inputGuard, ResidentRateLimit rateLimit, Triage triage, LanguageDetector languages,
                     CurrentKnowledge currentKnowledge, AnswerRenderer renderer, EscalationReplies escalations,
                     LanguageModelRephraser rephraser, Prompts prompts, AssistantProperties properties) {
        this.inputGuard = inputGuard;
        this.rateLimit = rateLimit;
        this.triage = triage;
        this.languages = languages;
        this.currentKnowledge = currentKnowledge;
        this.renderer = renderer;
        this.escalations = escalations;
        this.rephraser = rephraser;
        this.prompts = prompts;
        this.properties = properties;
    }

    @Override
    public Decision respond(Conversation conversation, Message message) {
        return decide(conversation, message, currentKnowledge::current, true);
    }

    /**
     * The same steps against a knowledge base given by the caller (an editor's candidate); {@code resident} false
     * leaves the resident's rate limit alone, since an editor's test question is no resident's message.
     */
    Decision decide(Conversation conversation, Message message, java.util.function.Supplier<KnowledgeBase> release,
                    boolean resident) {
        String text = message.text();
        // Everything after the input guard works on the redacted text: what a model, log or metric may see.
        String redacted = message.redactedText() != null ? message.redactedText() : text;
        DetectedLanguage detected = languages.detect(redacted);
        String replyLanguage = "en".equals(detected.code()) ? "en" : "nl";

        if (TextNormalizer.words(text).isEmpty()) {
            return clarify(prompts.text("clarify-empty", replyLanguage, Map.of()), replyLanguage);
        }
        boolean unsafe = inputGuard.check(text).isPresent();
        Optional<TriageResult> triaged = triage.classify(redacted);
        // A resident in crisis gets the help numbers whatever else the message holds or however many they sent.
        if (triaged.isPresent() && triaged.get().reason() == EscalationReason.CRISIS) {
            return new Decision(crisisReply(triaged.get().priority(), conversation, detected, replyLanguage), null);
        }
        if (unsafe) {
            return escalate(EscalationReason.UNSAFE_INPUT, conversation, replyLanguage, null);
        }
        if (resident && !rateLimit.allow(conversation.residentId())) {
            return clarify(prompts.text("slow-down", replyLanguage, Map.of()), replyLanguage);
        }
        if ((triaged.isPresent() || otherLanguage(detected)) && triage.crisisInDoubt(redacted)) {
            return new Decision(crisisReply(Priority.URGENT, conversation, detected, replyLanguage), null);
        }
        boolean callbackAsked = !otherLanguage(detected) && callbackRequest.asked(redacted);
        if (triaged.isPresent() && callbackAsked && TIMES_WITH.contains(triaged.get().reason())) {
            // "Bel me terug over mijn afgewezen aanvraag": the resident's own case (or complaint) with the times.
            TriageResult reason = triaged.get().reason() == EscalationReason.HUMAN_REQUESTED
                    ? triage.besidesHumanRequest(redacted).orElse(triaged.get()) : triaged.get();
            return new Decision(escalations.callbackRequested(reason.reason(), reason.priority(), conversation, message,
                    replyLanguage), null);
        }
        if (triaged.isPresent()) {
            return new Decision(escalations.reply(triaged.get().reason(), triaged.get().priority(), conversation,
                    replyLanguage), null);
        }
        if (otherLanguage(detected)) {
            return new Decision(escalations.otherLanguage(detected.code(), conversation), null);
        }
        if (callbackAsked) {
            // Asked to be called back in words the person lists do not know: still a person, with the times.
            if (triage.crisisInDoubt(redacted)) {
                return new Decision(crisisReply(Priority.URGENT, conversation, detected, replyLanguage), null);
            }
            return new Decision(escalations.callbackRequested(EscalationReason.HUMAN_REQUESTED.defaultPriority(),
                    conversation, message, replyLanguage), null);
        }

        if (triage.crisisTooLikelyToAnswer(redacted)) {
            // A crisis asked as a question ("hoe laat is de brug open, ik wil er vanaf"): a person, first in line.
            return new Decision(crisisReply(Priority.URGENT, conversation, detected, replyLanguage), null);
        }

        // One release for the whole answer: a publish meanwhile cannot mix two versions of an article in one reply.
        KnowledgeBase knowledge = release.get();
        Retrieval retrieval = knowledge.retrieve(withoutPersonalData(redacted), replyLanguage);
        if (retrieval.topicsTouched() >= properties.tangle().topics() && retrieval.contentWords() >= properties.tangle().minWords()) {
            // Several problems at once: one article would answer one and leave the rest; a person sees the whole.
            return escalate(EscalationReason.COMPLEX, conversation, detected, redacted, retrieval.confidence());
        }
        if (retrieval.topic() != null && knowledge.isAnswerable(retrieval)) {
            Article article = knowledge.article(retrieval.topic(), replyLanguage).orElseThrow();
            if (otherOrganisations.unsupported(redacted, article, retrieval.confidence()).isEmpty()) {
                return answer(knowledge, article, retrieval, conversation, redacted);
            }
            return escalate(EscalationReason.NO_ANSWER, conversation, detected, redacted, retrieval.confidence());
        }
        boolean askedBefore = lastOutcomeWas(conversation, Outcome.CLARIFY);
        if (!askedBefore && retrieval.topic() != null && retrieval.confidence() >= properties.clarifyThreshold()) {
            return new Decision(clarifyBetween(knowledge, retrieval, replyLanguage).reply(), retrieval.confidence());
        }
        if (!askedBefore && TextNormalizer.words(redacted).size() <= 2 && retrieval.topic() == null) {
            // "hallo", "?", "test": ask for the question instead of sending a person a greeting.
            return clarify(prompts.text("clarify-empty", replyLanguage, Map.of()), replyLanguage);
        }
        return escalate(EscalationReason.NO_ANSWER, conversation, detected, redacted, retrieval.confidence());
    }

    private static boolean otherLanguage(DetectedLanguage detected) {
        return !"nl".equals(detected.code()) && !"en".equals(detected.code());
    }

    @Override
    public Optional<Reply> urgentWhileWithPerson(Conversation conversation, Message message) {
        String redacted = message.redactedText() != null ? message.redactedText() : message.text();
        return triage.classify(redacted)
                .filter(t -> t.reason() == EscalationReason.CRISIS)
                .map(t -> {
                    DetectedLanguage detected = languages.detect(redacted);
                    return crisisReply(t.priority(), conversation, detected, "en".equals(detected.code()) ? "en" : "nl");
                });
    }

    /** The help numbers in the resident's language; in Dutch and English when they wrote in another language. */
    private Reply crisisReply(Priority priority, Conversation conversation, DetectedLanguage detected,
                              String replyLanguage) {
        return otherLanguage(detected) ? escalations.crisisInOtherLanguage(priority, conversation)
                : escalations.reply(EscalationReason.CRISIS, priority, conversation, replyLanguage);
    }

    /**
     * The question without the placeholders the redactor left: a resident's own phone number ("[TELEFOON]") says
     * nothing about the topic, and must not pull the question towards the article about phoning the municipality.
     */
    static String withoutPersonalData(String redacted) {
        if (redacted.indexOf('[') < 0) {
            return redacted;
        }
        String out = redacted;
        for (nl.loket.platform.privacy.Finding.Kind kind : nl.loket.platform.privacy.Finding.Kind.values()) {
            out = out.replace(kind.replacement(), " ");
        }
        return out;
    }

    private Decision answer(KnowledgeBase knowledge, Article article, Retrieval retrieval, Conversation conversation, String redactedQuestion) {
        String rephrased = null;
        if (conversation.channel() == Channel.CHAT || conversation.channel() == Channel.WEBFORM) {
            rephrased = rephraser.rephrase(article, redactedQuestion, article.language()).orElse(null);
        }
        List<Article> related = new ArrayList<>();
        for (String topic : article.related()) {
            knowledge.article(topic, article.language()).ifPresent(related::add);
            if (related.size() == 3) {
                break;
            }
        }
        return new Decision(renderer.render(article, conversation.channel(), rephrased, related), retrieval.confidence());
    }

    private Decision clarifyBetween(KnowledgeBase knowledge, Retrieval retrieval, String language) {
        List<String> titles = new ArrayList<>();
        knowledge.article(retrieval.topic(), language).ifPresent(a -> titles.add(a.title()));
        if (retrieval.runnerUpTopic() != null && retrieval.runnerUpConfidence() >= properties.clarifyThreshold() / 2) {
            knowledge.article(retrieval.runnerUpTopic(), language).ifPresent(a -> titles.add(a.title()));
        }
        String or = "en".equals(language) ? " or " : " of ";
        String options = String.join(or, titles.stream().map(t -> "'" + t + "'").toList());
        return clarify(prompts.text("clarify", language, Map.of("options", options)), language);
    }

    private Decision clarify(String text, String language) {
        return new Decision(new Reply(text, Outcome.CLARIFY, language, null, null, List.of(), null), null);
    }

    private Decision escalate(EscalationReason reason, Conversation conversation, String language, Double confidence) {
        return new Decision(escalations.reply(reason, reason.defaultPriority(), conversation, language), confidence);
    }

    /** To a person for {@code reason}, or as a crisis when the message probably is one after all. */
    private Decision escalate(EscalationReason reason, Conversation conversation, DetectedLanguage detected,
                              String redacted, Double confidence) {
        String language = "en".equals(detected.code()) ? "en" : "nl";
        if (triage.crisisInDoubt(redacted)) {
            return new Decision(crisisReply(Priority.URGENT, conversation, detected, language), confidence);
        }
        return escalate(reason, conversation, language, confidence);
    }

    private static boolean lastOutcomeWas(Conversation conversation, Outcome outcome) {
        AssistantOutcome last = conversation.lastOutcome();
        return last != null && last.outcome() == outcome;
    }
}
