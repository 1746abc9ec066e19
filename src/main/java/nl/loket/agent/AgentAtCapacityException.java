package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.platform.ProblemException;

/** The agent already holds as many tasks as they may at once ({@code loket.agents[n].capacity}), in all or on a channel. */
class AgentAtCapacityException extends ProblemException {

    AgentAtCapacityException(int held) {
        super(409, "At capacity", null, "You hold " + held + " tasks, your most at once: close one or hand it over first.");
    }

    AgentAtCapacityException(Channel channel, int held) {
        super(409, "At capacity", null, "You hold " + held + " " + channel + " tasks, your most at once on that channel: "
                + "close one or hand it over first.");
    }
}
