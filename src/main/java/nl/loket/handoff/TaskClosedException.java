package nl.loket.handoff;

import nl.loket.platform.ProblemException;

/** The task is closed; a new message from the resident opens a new conversation. */
class TaskClosedException extends ProblemException {

    TaskClosedException() {
        super(409, "Task closed", null, "This hand-off task is already closed.");
    }
}
