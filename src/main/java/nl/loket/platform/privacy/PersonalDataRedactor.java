package nl.loket.platform.privacy;

/** Placeholder until the redactor branch lands (same API). */
public final class PersonalDataRedactor {
    public Redaction redact(String text) { return new Redaction(text); }
    public record Redaction(String text) { }
}
