package nl.loket.handoff;

/** Where a hand-off task is: in the queue, with one agent, or done. */
public enum TaskStatus {
    WAITING, CLAIMED, CLOSED
}
