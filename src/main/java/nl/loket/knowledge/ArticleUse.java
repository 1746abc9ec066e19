package nl.loket.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * How often each article answered residents lately, and how often a person was needed after it anyway ("not
 * helped"), for the editors' list. A port owned by knowledge: insight, which counts both, implements it, so knowledge
 * never imports insight. Without an implementation the list shows no figures.
 */
public interface ArticleUse {

    /** Days the editors' list looks back. */
    int DAYS = 30;

    /** Answers and "not helped" per article id over the last {@code days} days, today included. */
    Map<String, Use> lastDays(int days);

    /** One article's figures; {@code notHelped} counts answers after which a person was still needed. */
    record Use(long answers, long notHelped) {

        /** The share of answers that did not help, in percent, rounded; null without answers. */
        @JsonProperty("notHelpedPercent")
        public Integer notHelpedPercent() {
            return answers == 0 ? null : (int) Math.round(100.0 * notHelped / answers);
        }
    }
}
