package nl.loket.insight;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The service indicators of a period, as {@code GET /api/insight/indicators} returns them. Shares are
 * fractions (0–1, three decimals), durations seconds (one decimal); null where nothing was measured
 * (kept in the JSON, so every field is always there).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Indicators(
        LocalDate from,
        LocalDate to,
        long contacts,
        long messages,
        long answeredByAssistant,
        Double answeredShare,
        long clarified,
        long handedOff,
        Double handedOffShare,
        Map<String, Long> byReason,
        long relayContacts,
        Double relayShare,
        Map<String, Long> languages,
        Map<String, ChannelIndicators> byChannel,
        Map<String, Long> byTopic,
        Durations assistantReplySeconds,
        Durations firstReplySeconds,
        Durations queueWaitSeconds,
        Durations closeSeconds,
        Map<String, Long> resolutions,
        long notHelped,
        Satisfaction satisfaction,
        Complaints complaints,
        List<KnowledgeGap> knowledgeGaps,
        List<ArticleNotHelped> notHelpedArticles,
        List<Period> byDay,
        List<Period> byWeek,
        ArticleUpkeep articles) {

    /** Median and 90th percentile (nearest rank) of a set of durations, in seconds. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Durations(Double median, Double p90, int count) { }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ChannelIndicators(long contacts, long messages, long answeredByAssistant, long handedOff,
                                    long relayContacts, Durations firstReplySeconds, Durations queueWaitSeconds,
                                    TargetResult firstReplyTarget) { }

    /** First human replies within the channel's target. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TargetResult(String target, long met, long missed, Double share) { }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Satisfaction(Double average, long responses, Double responseRate) { }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Complaints(long received, long handledInformally, Double informalShare) { }

    /** Questions the assistant could not answer that share a term, with redacted examples (newest first). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record KnowledgeGap(String term, String example, List<String> examples, long count) { }

    /** An article whose answers were later followed by a hand-off ("not helped"). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ArticleNotHelped(String articleId, long answers, long notHelped, Double share) { }

    /**
     * The published articles as they are now (not per period): how many are past their review date, how many have a
     * source link that failed its last check, and how many links were not checked yet.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ArticleUpkeep(int published, int pastReview, int brokenSource, int uncheckedSource) { }

    /** Volume of one day or one ISO week ({@code 2026-W48}). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Period(String period, long contacts, long messages, long answeredByAssistant, long handedOff,
                         long satisfactionResponses) { }
}
