package nl.loket.contact;

/** Who wrote or said a message in a conversation. */
public enum AuthorRole {
    RESIDENT, ASSISTANT, AGENT, INTERPRETER, SYSTEM
}
