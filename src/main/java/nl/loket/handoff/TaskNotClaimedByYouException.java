package nl.loket.handoff;

import nl.loket.platform.ProblemException;

/**
 * Replying to, closing or releasing a task needs the task in your hands first. A 409 (state conflict:
 * claim it first), not a 403: the agent has the right role, the task is just not theirs right now.
 */
class TaskNotClaimedByYouException extends ProblemException {

    TaskNotClaimedByYouException() {
        super(409, "Task not claimed by you", null, "Claim this task first; it is waiting or with another agent.");
    }
}
