package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.TaskStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many tasks an agent may hold at once ({@code loket.agents[n].capacity}: in all, and per channel, e.g. 3 chats but
 * 1 call): "Volgende taak", claiming and offers stop at it, so nobody collects more conversations than they can answer.
 * A soft limit: two claims at the very same moment may pass it by one. A named colleague's transfer is a deliberate
 * hand-over and is not limited.
 */
@Component
class AgentCapacity {

    private final Map<String, AgentAccountProperties.Capacity> capacityByUser;
    private final HandoffService handoff;
    private final CapacityChanges changes;

    AgentCapacity(AgentAccountProperties accounts, HandoffService handoff, CapacityChanges changes) {
        this.capacityByUser = accounts.agents().stream()
                .collect(Collectors.toMap(AgentAccountProperties.Account::username, AgentAccountProperties.Account::capacity,
                        (a, b) -> a));
        this.handoff = handoff;
        this.changes = changes;
    }

    /**
     * This agent's limits now: as a team lead set them while Loket runs, else as configured; without any:
     * {@link AgentAccountProperties.Capacity#UNLIMITED}.
     */
    AgentAccountProperties.Capacity capacityOf(String username) {
        return changes.of(username).orElseGet(() -> capacityByUser.getOrDefault(username,
                AgentAccountProperties.Capacity.UNLIMITED));
    }

    /** The tasks this agent holds now, by channel. */
    Map<Channel, Integer> heldBy(String username) {
        Map<Channel, Integer> held = new EnumMap<>(Channel.class);
        handoff.tasks(EnumSet.of(TaskStatus.CLAIMED)).stream().filter(t -> t.claimedBy(username) && t.channel() != null)
                .forEach(t -> held.merge(t.channel(), 1, Integer::sum));
        return held;
    }

    /**
     * Throws {@link AgentAtCapacityException} when this agent may not take one more task of this channel now; with no
     * channel (a "next task" still to be chosen), when no task of any channel fits.
     */
    void checkRoomFor(Authentication agent, Channel channel) {
        AgentAccountProperties.Capacity capacity = capacityOf(agent.getName());
        if (capacity.unlimited() || QueueAccess.isSupervisor(agent)) {
            return;
        }
        Map<Channel, Integer> held = heldBy(agent.getName());
        if (channel == null ? !capacity.hasRoomForAny(held) : !capacity.hasRoomFor(channel, held)) {
            int all = held.values().stream().mapToInt(Integer::intValue).sum();
            throw channel == null || (capacity.total() != null && all >= capacity.total())
                    ? new AgentAtCapacityException(all)
                    : new AgentAtCapacityException(channel, held.getOrDefault(channel, 0));
        }
    }

    /** Whether this agent may take one more task of this channel beside the ones they hold ({@code held}). */
    boolean hasRoomFor(Authentication agent, Channel channel, Map<Channel, Integer> held) {
        return QueueAccess.isSupervisor(agent) || capacityOf(agent.getName()).hasRoomFor(channel, held);
    }
}
