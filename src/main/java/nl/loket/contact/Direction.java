package nl.loket.contact;

/** Whether a message came from the resident's side or went out to the resident. */
public enum Direction {
    IN, OUT
}
