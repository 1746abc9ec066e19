package nl.loket.contact;

/** How soon a person must pick up a hand-off. */
public enum Priority {
    URGENT, HIGH, NORMAL
}
