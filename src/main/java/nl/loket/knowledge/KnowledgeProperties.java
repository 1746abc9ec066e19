package nl.loket.knowledge;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the knowledge module ({@code loket.knowledge.*}).
 *
 * @param location        where the articles are: {@code classpath:knowledge} (the shipped sample knowledge base, the
 *                        default) or a filesystem folder such as {@code /etc/loket/knowledge} or {@code file:./knowledge}
 * @param answerThreshold the retrieval confidence at or above which the assistant may answer from the article
 *                        (default 0.5, where the confidence is calibrated); lower it only with a new evaluation
 */
@Validated
@ConfigurationProperties("loket.knowledge")
public record KnowledgeProperties(
        @NotBlank @DefaultValue(KnowledgeProperties.DEFAULT_LOCATION) String location,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double answerThreshold) {

    public static final String DEFAULT_LOCATION = "classpath:knowledge";

    public KnowledgeProperties {
        location = location == null ? DEFAULT_LOCATION : location.strip();
    }

    /** The defaults: the shipped sample knowledge base and threshold 0.5. */
    public static KnowledgeProperties defaults() {
        return new KnowledgeProperties(DEFAULT_LOCATION, KnowledgeBase.ANSWER_THRESHOLD);
    }
}
