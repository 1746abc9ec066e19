package nl.loket.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Opt-outs from proactive messages.
 *
 * @param linkSecret signs the opt-out links in e-mails; empty → a random secret is made once and kept in Redis
 */
@ConfigurationProperties("loket.opt-out")
public record OptOutProperties(String linkSecret) {
}
