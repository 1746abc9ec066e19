package nl.loket.agent;

import nl.loket.handoff.HandoffService;
import nl.loket.handoff.TaskStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many tasks an agent may hold at once ({@code loket.agents[n].capacity}): "Volgende taak" and claiming stop at
 * it, so nobody collects more conversations than they can answer. A soft limit: two claims at the very same moment
 * may pass it by one. A named colleague's transfer is a deliberate hand-over and is not limited.
 */
@Component
class AgentCapacity {

    private final Map<String, Integer> capacityByUser;
    private final HandoffService handoff;

    AgentCapacity(AgentAccountProperties accounts, HandoffService handoff) {
        this.capacityByUser = accounts.agents().stream().filter(a -> a.capacity() != null)
                .collect(Collectors.toMap(AgentAccountProperties.Account::username, AgentAccountProperties.Account::capacity,
                        (a, b) -> a));
        this.handoff = handoff;
    }

    /** The most tasks this agent may hold at once, or null: no limit. */
    Integer capacityOf(String username) {
        return capacityByUser.get(username);
    }

    /** Throws {@link AgentAtCapacityException} when this agent may not take one more task now. */
    void checkRoomFor(Authentication agent) {
        Integer capacity = capacityByUser.get(agent.getName());
        if (capacity == null || QueueAccess.isSupervisor(agent)) {
            return;
        }
        int held = (int) handoff.tasks(EnumSet.of(TaskStatus.CLAIMED)).stream()
                .filter(t -> t.claimedBy(agent.getName())).count();
        if (held >= capacity) {
            throw new AgentAtCapacityException(held);
        }
    }
}
