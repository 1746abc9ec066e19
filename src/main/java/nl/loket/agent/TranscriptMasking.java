package nl.loket.agent;

import nl.loket.platform.privacy.Finding;
import nl.loket.platform.privacy.PersonalDataRedactor;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * What agents see by default: the resident's words as written, except BSN and IBAN, which an agent
 * rarely needs and must ask for explicitly (an audited reveal). Phone numbers and addresses stay: agents
 * need them to help.
 */
@Component
class TranscriptMasking {

    private static final Set<Finding.Kind> MASKED = Set.of(Finding.Kind.BSN, Finding.Kind.IBAN);

    private final PersonalDataRedactor redactor = new PersonalDataRedactor();

    String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding finding : redactor.redact(text).findings()) {
            if (MASKED.contains(finding.kind())) {
                out.append(text, at, finding.start()).append(finding.kind().replacement());
                at = finding.end();
            }
        }
        return out.append(text.substring(at)).toString();
    }
}
