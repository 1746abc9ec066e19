package nl.loket.contact;

/** What happened to a resident's message: answered, handed to a person, or a question back. */
public enum Outcome {
    ANSWERED, ESCALATED, CLARIFY
}
