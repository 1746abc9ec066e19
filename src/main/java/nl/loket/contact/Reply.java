package nl.loket.contact;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The answer to one resident message, as every channel's API returns it (the API tables in README.md).
 * The text is already rendered for the channel it goes back on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(
        String text,
        Outcome outcome,
        String language,
        String topic,
        String articleId,
        List<Source> sources,
        Escalation escalation,
        List<Related> related) {

    public Reply {
        sources = sources == null ? List.of() : List.copyOf(sources);
        related = related == null || related.isEmpty() ? null : List.copyOf(related);
    }

    /** A reply without related topics (everything but a web answer). */
    public Reply(String text, Outcome outcome, String language, String topic, String articleId, List<Source> sources,
                 Escalation escalation) {
        this(text, outcome, language, topic, articleId, sources, escalation, null);
    }

    /** A knowledge-base source the resident can check. */
    public record Source(String title, String url) { }

    /** Another topic the resident may also need ("you may also need…"), offered as a button on the web. */
    public record Related(String topic, String title) { }

    /** What the resident is told when a person takes over. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Escalation(EscalationReason reason, Priority priority, String reference, String expectedResponse) { }

    public boolean escalated() {
        return outcome == Outcome.ESCALATED;
    }
}
