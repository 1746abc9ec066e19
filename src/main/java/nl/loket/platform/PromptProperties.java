package nl.loket.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the texts Loket sends (other than knowledge-base articles) live.
 *
 * @param location a folder; files there override the copies shipped inside the application
 */
@ConfigurationProperties("loket.prompts")
public record PromptProperties(@DefaultValue("prompts") String location) {
}
