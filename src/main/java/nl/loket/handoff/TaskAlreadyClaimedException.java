package nl.loket.handoff;

import nl.loket.platform.ProblemException;

/** Another agent got the task first; exactly one agent works on a task. */
class TaskAlreadyClaimedException extends ProblemException {

    TaskAlreadyClaimedException() {
        super(409, "Task already claimed", null, "Another agent has already taken this task.");
    }
}
