package nl.loket.channel.voice;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The folder where the telephony platform drops call transcripts as JSON files; handled files move
 * to {@code .done}, unreadable ones to {@code .failed}, so none is ever lost. Over HTTP the platform signs
 * each transcript with {@code secret} (HMAC-SHA256 of the raw body in {@code X-Loket-Signature}); without a
 * secret the HTTP endpoint refuses everything.
 *
 * @param secret shared secret of the HMAC signature over HTTP; empty switches the HTTP endpoint off
 */
@Validated
@ConfigurationProperties("loket.transcripts")
public record TranscriptProperties(
        @NotBlank @DefaultValue("data/transcripts-inbox") String inbox,
        @DefaultValue("2000") long pollDelay,
        String secret) {

    /** True when the telephony platform may post transcripts over HTTP: only with a shared secret to sign them. */
    boolean httpEnabled() {
        return secret != null && !secret.isBlank();
    }
}
