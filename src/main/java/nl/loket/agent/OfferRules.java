package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.contact.Priority;
import nl.loket.handoff.HandoffNote;
import nl.loket.handoff.HandoffTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may be offered a waiting task, and in which order: an agent who works the task's queue and has room on its
 * channel; of those first the ones with the task's skills (its language, its channel, the relay for a Tolkcontact
 * conversation), longest idle first. The others of the queue follow only once the task has waited
 * {@code loket.offers.skill-fallback-after}, so a resident whose skill is missing or busy does not wait forever; an
 * URGENT task does not wait for a skill at all (skilled agents still first).
 *
 * <p>Relay is asked only of a Tolkcontact conversation in a queue where some agent is marked {@code relay: true}: a
 * queue whose agents say nothing about the relay keeps taking those conversations as before skills existed.
 */
@Component
class OfferRules {

    private final Map<String, AgentAccountProperties.Account> accounts;
    private final BiPredicate<String, HandoffTask> worksQueue;
    private final Duration fallbackAfter;
    private final boolean skillsConfigured;
    private final Function<String, Optional<AgentSkills>> changedSkills;
    private final java.util.function.BooleanSupplier anySkillsChanged;
    private final Function<String, Optional<AgentAccountProperties.Capacity>> changedCapacity;

    @Autowired
    OfferRules(AgentAccountProperties accounts, QueueAccess access, OfferProperties offers, SkillChanges changes,
               CapacityChanges capacity) {
        this(accounts.agents(), access::worksQueueOf, offers.skillFallbackAfter(), changes::of, changes::any,
                capacity::of);
    }

    /** Skills from the configuration only. */
    OfferRules(List<AgentAccountProperties.Account> accounts, BiPredicate<String, HandoffTask> worksQueue,
               Duration fallbackAfter) {
        this(accounts, worksQueue, fallbackAfter, agent -> Optional.empty(), () -> false);
    }

    /** @param changedSkills the skills a team lead set for an agent while Loket runs, over the configured ones */
    OfferRules(List<AgentAccountProperties.Account> accounts, BiPredicate<String, HandoffTask> worksQueue,
               Duration fallbackAfter, Function<String, Optional<AgentSkills>> changedSkills,
               java.util.function.BooleanSupplier anySkillsChanged) {
        this(accounts, worksQueue, fallbackAfter, changedSkills, anySkillsChanged, agent -> Optional.empty());
    }

    /** @param changedCapacity the capacity a team lead set for an agent while Loket runs, over the configured one */
    OfferRules(List<AgentAccountProperties.Account> accounts, BiPredicate<String, HandoffTask> worksQueue,
               Duration fallbackAfter, Function<String, Optional<AgentSkills>> changedSkills,
               java.util.function.BooleanSupplier anySkillsChanged,
               Function<String, Optional<AgentAccountProperties.Capacity>> changedCapacity) {
        this.accounts = accounts.stream().collect(Collectors.toMap(AgentAccountProperties.Account::username,
                Function.identity(), (a, b) -> a));
        this.worksQueue = worksQueue;
        this.fallbackAfter = fallbackAfter;
        this.skillsConfigured = accounts.stream().anyMatch(a -> !a.skills().equals(AgentSkills.ANY));
        this.changedSkills = changedSkills;
        this.anySkillsChanged = anySkillsChanged;
        this.changedCapacity = changedCapacity;
    }

    /**
     * The agents to offer the task to, in order. {@code idleOrder}: the available agents without an open offer,
     * longest idle first; {@code held}: per agent the tasks they hold now, by channel.
     */
    List<String> whoToOffer(HandoffTask task, List<String> idleOrder, Map<String, Map<Channel, Integer>> held,
                            Instant now) {
        List<String> skilled = new ArrayList<>();
        List<String> others = new ArrayList<>();
        boolean relayAsked = relayAsked(task);
        for (String agent : idleOrder) {
            if (!worksQueue.test(agent, task) || !capacityOf(agent).hasRoomFor(task.channel(), held.getOrDefault(agent, Map.of()))) {
                continue;
            }
            (skillsOf(agent).fit(task, relayAsked) ? skilled : others).add(agent);
        }
        if (task.priority() == Priority.URGENT || !now.isBefore(waitingSince(task).plus(fallbackAfter))) {
            skilled.addAll(others);
        }
        return skilled;
    }

    /** Whether the agent has the task's language, channel and (when its queue asks for it) the relay. */
    boolean hasSkillsFor(String agent, HandoffTask task) {
        return skillsOf(agent).fit(task, relayAsked(task));
    }

    /** Whether any agent has a skill configured at all; without, every agent takes everything, as before skills existed. */
    boolean skillsConfigured() {
        return skillsConfigured || anySkillsChanged.getAsBoolean();
    }

    /** The agent's skills now: as a team lead set them, else as configured. */
    AgentSkills skillsOf(String agent) {
        return changedSkills.apply(agent).orElseGet(() -> {
            AgentAccountProperties.Account account = accounts.get(agent);
            return account == null ? AgentSkills.ANY : account.skills();
        });
    }

    /** Whether this user name is an agent's account (team leads' too). */
    boolean knows(String agent) {
        return accounts.containsKey(agent);
    }

    private AgentAccountProperties.Capacity capacityOf(String agent) {
        return changedCapacity.apply(agent).orElseGet(() -> {
            AgentAccountProperties.Account account = accounts.get(agent);
            return account == null ? AgentAccountProperties.Capacity.UNLIMITED : account.capacity();
        });
    }

    private boolean relayAsked(HandoffTask task) {
        return task.relay() != null && !task.relay().isBlank() && accounts.values().stream()
                .anyMatch(a -> skillsOf(a.username()).relay() && a.roles().contains("AGENT") && worksQueue.test(a.username(), task));
    }

    /**
     * Since when the task waits in its queue now: its creation, its planned call-back, or its transfer to this team,
     * whichever is latest (a task handed to another team waits for that team's skills afresh).
     */
    static Instant waitingSince(HandoffTask task) {
        OffsetDateTime since = task.createdAt();
        if (task.callbackAt() != null && (since == null || task.callbackAt().isAfter(since))) {
            since = task.callbackAt();
        }
        for (HandoffNote note : task.notes()) {
            if (note.kind() == HandoffNote.Kind.TRANSFER && note.at() != null && (since == null || note.at().isAfter(since))) {
                since = note.at();
            }
        }
        return since == null ? Instant.EPOCH : since.toInstant();
    }
}
