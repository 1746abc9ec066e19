package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Volgende taak": the most urgent waiting task of the agent's queues that fits their capacity per channel, within a
 * priority first the ones they have the skills for. A pull is the agent's own choice, so a task without their skills
 * still comes when nothing else waits (an offer would wait for the skill first, see {@link OfferRules}).
 */
@Component
class NextTask {

    private final HandoffService handoff;
    private final QueueAccess access;
    private final AgentCapacity capacity;
    private final OfferRules rules;

    NextTask(HandoffService handoff, QueueAccess access, AgentCapacity capacity, OfferRules rules) {
        this.handoff = handoff;
        this.access = access;
        this.capacity = capacity;
        this.rules = rules;
    }

    /** Claims it, or nothing waits that they may take; {@link AgentAtCapacityException} when no task of any channel fits. */
    Optional<HandoffTask> claimFor(Authentication agent) {
        capacity.checkRoomFor(agent, null);
        Set<String> queues = access.queuesOf(agent);
        String name = agent.getName();
        if (queues.isEmpty() && capacity.capacityOf(name).unlimited() && !rules.skillsConfigured()) {
            return handoff.claimNext(name); // nothing to choose by: the priority streams, as always
        }
        Map<Channel, Integer> held = capacity.heldBy(name);
        return handoff.claimNext(name, queues, t -> capacity.hasRoomFor(agent, t.channel(), held),
                t -> rules.hasSkillsFor(name, t));
    }
}
