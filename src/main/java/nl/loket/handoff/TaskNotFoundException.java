package nl.loket.handoff;

import nl.loket.platform.ProblemException;

/** No hand-off task with this id (never existed, or past retention). */
public class TaskNotFoundException extends ProblemException {

    public TaskNotFoundException() {
        super(404, "Hand-off task not found", null, "There is no hand-off task with this id.");
    }
}
