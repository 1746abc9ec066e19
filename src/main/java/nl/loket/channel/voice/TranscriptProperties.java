package nl.loket.channel.voice;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The folder where the telephony platform drops call transcripts as JSON files; handled files move
 * to {@code .done}, unreadable ones to {@code .failed}, so none is ever lost.
 */
@Validated
@ConfigurationProperties("loket.transcripts")
public record TranscriptProperties(
        @NotBlank @DefaultValue("data/transcripts-inbox") String inbox,
        @DefaultValue("2000") long pollDelay) {
}
