package nl.loket.contact.store;

import nl.loket.platform.privacy.PersonalDataRedactor;
import org.springframework.stereotype.Component;

/** The redacted form of every stored message: what logs, metrics and any language model may see. */
@Component
public class MessageRedaction {

    private final PersonalDataRedactor redactor = new PersonalDataRedactor();

    public String redact(String text) {
        return text == null ? null : redactor.redact(text).text();
    }
}
