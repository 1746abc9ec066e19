package nl.loket.channel.webform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Answers to contact forms by e-mail. The mail server itself is Spring's {@code spring.mail.*}.
 *
 * @param from the sender address residents see; empty means no e-mail is sent (SMS is used when there is a number)
 */
@ConfigurationProperties("loket.mail")
record MailProperties(String from) {

    boolean configured() {
        return from != null && !from.isBlank();
    }
}
