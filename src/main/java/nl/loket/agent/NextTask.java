package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Clock;
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
    private final Clock clock;

    NextTask(HandoffService handoff, QueueAccess access, AgentCapacity capacity, OfferRules rules, Clock clock) {
        this.clock = clock;
        this.handoff = handoff;
        this.access = access;
        this.capacity = capacity;
        this.rules = rules;
    }

    /**
     * Claims it, or nothing waits; {@link AgentAtCapacityException} when no task of any channel fits, or when the only
     * tasks waiting are on channels where the agent is full.
     */
    Optional<HandoffTask> claimFor(Authentication agent) {
        capacity.checkRoomFor(agent, null);
        Set<String> queues = access.queuesOf(agent);
        String name = agent.getName();
        if (queues.isEmpty() && capacity.capacityOf(name).unlimited() && !rules.skillsConfigured()) {
            return handoff.claimNext(name); // nothing to choose by: the priority streams, as always
        }
        Map<Channel, Integer> held = capacity.heldBy(name);
        Optional<HandoffTask> claimed = handoff.claimNext(name, queues, t -> capacity.hasRoomFor(agent, t.channel(), held),
                t -> rules.hasSkillsFor(name, t));
        if (claimed.isEmpty()) {
            // Tasks wait, but only on channels where the agent is full: say that, not "nothing waits".
            Optional<HandoffTask> skipped = handoff.tasks(Set.of(TaskStatus.WAITING)).stream()
                    .filter(t -> (queues.isEmpty() || queues.contains(t.queue())) && t.dueAt(clock.instant())
                            && !capacity.hasRoomFor(agent, t.channel(), held))
                    .findFirst();
            if (skipped.isPresent()) {
                Channel full = skipped.get().channel();
                throw new AgentAtCapacityException(full, held.getOrDefault(full, 0));
            }
        }
        return claimed;
    }
}
