package nl.loket.knowledge;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of editing and publishing the knowledge base ({@code loket.knowledge.editing.*}).
 *
 * @param reviewInterval how long after its last review an article is due for review again (default 365 days)
 * @param checkInterval  how often an instance compares its release with the store's, in case it missed a publish
 *                       notice (default 5 s; the notice itself switches it at once)
 * @param retireAfter    how long a replaced release stays open for requests that started on it (default 2 minutes)
 * @param publishWait    how long an approval waits for this instance to build and switch to the new release
 *                       (default 2 minutes; training the topic categorizer takes seconds)
 */
@Validated
@ConfigurationProperties("loket.knowledge.editing")
record KnowledgeEditingProperties(
        @NotNull @DefaultValue("365d") Duration reviewInterval,
        @NotNull @DefaultValue("5s") Duration checkInterval,
        @NotNull @DefaultValue("2m") Duration retireAfter,
        @NotNull @DefaultValue("2m") Duration publishWait,
        @PositiveOrZero @DefaultValue("3") int gateQuestionsPerTopic,
        @PositiveOrZero @DefaultValue("60") int gateOutOfScope,
        @PositiveOrZero @DefaultValue("30") int gateCrisisMessages) {

    static KnowledgeEditingProperties defaults() {
        return new KnowledgeEditingProperties(Duration.ofDays(365), Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofMinutes(2), 3, 60, 30);
    }
}
