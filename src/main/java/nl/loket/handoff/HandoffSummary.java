package nl.loket.handoff;

import nl.loket.contact.AssistantOutcome;
import nl.loket.contact.AuthorRole;
import nl.loket.contact.Conversation;
import nl.loket.contact.Direction;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Message;
import nl.loket.platform.Prompts;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The few lines an agent reads before anything else: who, what they asked, what the assistant already
 * said, why it came to a person. Extractive: only the resident's own (redacted) words and stored facts, so
 * the task opens with it at once. When a language model is configured, its short written summary is added
 * later by its own reaction ({@link WrittenSummaryReaction}), marked as written by a model. Labels live in
 * {@code prompts/agent/handoff-summary*.txt} (for agents, not residents, so outside the B1 readability check).
 */
@Component
class HandoffSummary {

    private static final String TEMPLATE = "agent/handoff-summary.txt";
    private static final String MODEL_TEMPLATE = "agent/handoff-summary-model.txt";
    private static final int QUESTION_LENGTH = 300;
    private static final int ASSISTANT_LENGTH = 160;

    // Agents read Dutch; the reason codes stay searchable in the task itself.
    private static final Map<EscalationReason, String> REASONS = Map.of(
            EscalationReason.CRISIS, "crisis: direct oppakken",
            EscalationReason.COMPLAINT, "klacht",
            EscalationReason.CASE_SPECIFIC, "vraag over een eigen zaak",
            EscalationReason.HUMAN_REQUESTED, "inwoner vraagt om een medewerker",
            EscalationReason.UNSAFE_INPUT, "bericht niet veilig te beantwoorden",
            EscalationReason.NO_ANSWER, "geen antwoord in de kennisbank",
            EscalationReason.COMPLEX, "ingewikkelde vraag",
            EscalationReason.LANGUAGE, "andere taal");

    private final Prompts prompts;

    HandoffSummary(Prompts prompts) {
        this.prompts = prompts;
    }

    String summarize(Conversation conversation, List<Message> messages, EscalationReason reason) {
        List<String> who = new ArrayList<>();
        who.add(conversation.channel().name());
        if (conversation.relay() != null) {
            who.add("via " + conversation.relay());
        }
        who.add("taal " + (conversation.language() == null ? "nl" : conversation.language()));

        List<String> asked = messages.stream()
                .filter(m -> m.direction() == Direction.IN && m.authorRole() != AuthorRole.AGENT)
                .map(m -> m.redactedText() == null ? "" : m.redactedText().strip())
                .filter(t -> !t.isEmpty())
                .limit(3).toList();

        return prompts.optional(TEMPLATE, Map.of(
                "who", String.join(", ", who),
                "question", asked.isEmpty() ? "(geen tekst)" : shorten(String.join(" / ", asked), QUESTION_LENGTH),
                "assistant", assistantSaid(conversation, messages),
                "reason", REASONS.getOrDefault(reason, reason.name()) + " (" + reason.name() + ")"))
                .orElseThrow(() -> new IllegalStateException("prompt file '" + TEMPLATE + "' is missing"));
    }

    /** The extractive summary followed by the model's, marked as written by a model. */
    String withWritten(String extractive, String written) {
        return extractive + "\n" + prompts.optional(MODEL_TEMPLATE, Map.of("summary", written)).orElse(written);
    }

    /** True when a model's summary was added already (a second delivery of the same event adds nothing). */
    boolean hasWritten(String summary) {
        String marker = prompts.optional(MODEL_TEMPLATE, Map.of("summary", "")).orElse("").strip();
        return summary != null && !marker.isEmpty() && summary.contains(marker);
    }

    /** The conversation as the lines a model reads: redacted text only, each with who said it. */
    static List<String> redactedLines(List<Message> messages) {
        return messages.stream()
                .filter(m -> m.redactedText() != null && !m.redactedText().isBlank())
                .map(m -> switch (m.authorRole()) {
                    case RESIDENT -> "Inwoner: ";
                    case INTERPRETER -> "Tolk: ";
                    case AGENT -> "Medewerker: ";
                    default -> "Assistent: ";
                } + m.redactedText().strip())
                .toList();
    }

    /** Knowledge topics and articles the assistant already touched, for the agent to start from. */
    static List<String> suggestions(Conversation conversation) {
        Set<String> out = new LinkedHashSet<>();
        for (AssistantOutcome outcome : conversation.outcomes()) {
            if (outcome.articleId() != null) {
                out.add(outcome.articleId());
            }
            if (outcome.topic() != null) {
                out.add(outcome.topic());
            }
        }
        if (conversation.topic() != null) {
            out.add(conversation.topic());
        }
        return List.copyOf(out);
    }

    private static String assistantSaid(Conversation conversation, List<Message> messages) {
        AssistantOutcome last = conversation.lastOutcome();
        StringBuilder out = new StringBuilder(last == null ? "nog niets" : last.outcome().name());
        if (last != null && last.topic() != null) {
            out.append(", onderwerp ").append(last.topic());
        }
        if (last != null && last.articleId() != null) {
            out.append(", artikel ").append(last.articleId());
        }
        messages.stream()
                .filter(m -> m.direction() == Direction.OUT && m.authorRole() == AuthorRole.ASSISTANT)
                .reduce((a, b) -> b)
                .ifPresent(m -> out.append(": \"").append(shorten(m.redactedText(), ASSISTANT_LENGTH)).append('"'));
        return out.toString();
    }

    private static String shorten(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1).stripTrailing() + "…";
    }
}
