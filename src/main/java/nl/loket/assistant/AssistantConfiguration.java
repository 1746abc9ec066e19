package nl.loket.assistant;

import nl.loket.contact.ContactProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guardrail steps as beans: built once at start-up (their lists and models load from the classpath). */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    @Bean
    InputGuard inputGuard(ContactProperties contact) {
        return new InputGuard(contact.maxMessageLength());
    }

    @Bean
    Triage triage(AssistantProperties properties) {
        return new Triage(properties.crisisDoubt());
    }

    @Bean
    LanguageDetector languageDetector() {
        return new LanguageDetector();
    }
}
