package nl.loket.agent;

import nl.loket.platform.ProblemException;

/** The agent already holds as many tasks as they may at once ({@code loket.agents[n].capacity}). */
class AgentAtCapacityException extends ProblemException {

    AgentAtCapacityException(int held) {
        super(409, "At capacity", null, "You hold " + held + " tasks, your most at once: close one or hand it over first.");
    }
}
