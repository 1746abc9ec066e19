package nl.loket.contact;

import nl.loket.platform.privacy.PersonalDataRedactor;
import org.springframework.stereotype.Component;

/** The redacted form of every stored message: what logs, metrics and any language model may see. */
@Component
class MessageRedaction {

    private final PersonalDataRedactor redactor = new PersonalDataRedactor();

    String redact(String text) {
        return text == null ? null : redactor.redact(text).text();
    }
}
