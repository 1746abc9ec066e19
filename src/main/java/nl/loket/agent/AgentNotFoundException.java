package nl.loket.agent;

import nl.loket.platform.ProblemException;

/** No agent account with this user name. */
class AgentNotFoundException extends ProblemException {

    AgentNotFoundException() {
        super(404, "Agent not found", null, "There is no agent with this user name.");
    }
}
