package nl.loket.channel.voice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How calls reach a person after the assistant.
 *
 * @param handoffNumber number of the contact centre to {@code <Dial>}; empty puts the caller in the queue below
 * @param handoffQueue  Twilio queue name for {@code <Enqueue>} when no number is set
 */
@ConfigurationProperties("loket.voice")
public record VoiceProperties(String handoffNumber, @DefaultValue("loket") String handoffQueue) {
}
