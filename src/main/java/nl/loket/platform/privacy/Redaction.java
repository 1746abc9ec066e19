package nl.loket.platform.privacy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Redacted text and what was taken out of it, in order of position in the original text. */
public record Redaction(String text, List<Finding> findings) {

    public Redaction {
        findings = List.copyOf(findings);
    }

    public boolean found() {
        return !findings.isEmpty();
    }

    public Set<Finding.Kind> kinds() {
        Set<Finding.Kind> kinds = EnumSet.noneOf(Finding.Kind.class);
        findings.forEach(f -> kinds.add(f.kind()));
        return kinds;
    }
}
