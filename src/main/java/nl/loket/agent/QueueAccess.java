package nl.loket.agent;

import nl.loket.contact.ContactSummary;
import nl.loket.handoff.HandoffProperties;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which hand-off tasks an agent may see: an AGENT with {@code loket.agents[n].queues} only tasks of those
 * queues, a SUPERVISOR (or an agent without queues) all. A task of another queue is answered as unknown
 * (404), so its existence is not revealed. The same holds for a resident's history. Used by the agent API
 * and the workbench pages alike.
 */
@Component
class QueueAccess {

    private final Map<String, AgentAccountProperties.Account> accounts;
    private final String urgentQueue;
    private final TeamChanges teamChanges;
    private final HandoffService handoff;

    QueueAccess(AgentAccountProperties accounts, HandoffService handoff, HandoffProperties queues, TeamChanges teamChanges) {
        this.accounts = accounts.agents().stream().collect(Collectors.toMap(AgentAccountProperties.Account::username,
                java.util.function.Function.identity(), (a, b) -> a));
        this.urgentQueue = queues.urgentQueue();
        this.teamChanges = teamChanges;
        this.handoff = handoff;
    }

    /** The teams of this agent now: as a team lead set them while Loket runs, else as configured. */
    Set<String> teamsOf(String username) {
        return teamChanges.of(username).<Set<String>>map(Set::copyOf).orElseGet(() -> {
            AgentAccountProperties.Account account = accounts.get(username);
            return account == null ? Set.of() : Set.copyOf(account.teams());
        });
    }

    /** A team is a queue; an agent of any team also works the urgent queue (URGENT first for everyone). */
    private Set<String> queuesOf(String username) {
        AgentAccountProperties.Account account = accounts.get(username);
        if (account == null) {
            return Set.of();
        }
        Set<String> teams = teamsOf(username);
        Set<String> queues = new java.util.HashSet<>(account.queues());
        queues.addAll(teams);
        if (!teams.isEmpty()) {
            queues.add(urgentQueue);
        }
        return Set.copyOf(queues);
    }

    /** The queues this user is limited to; empty means all queues. */
    Set<String> queuesOf(Authentication user) {
        if (isSupervisor(user)) {
            return Set.of();
        }
        return queuesOf(user.getName());
    }

    /** The teams this user belongs to; empty: none configured (then every team's snippets are offered). */
    Set<String> teamsOf(Authentication user) {
        return teamsOf(user.getName());
    }

    /**
     * The tasks of one's queues, a task one holds (a colleague may have handed it over by name), and an open task one
     * was consulted about (by name or through one's team).
     */
    boolean maySee(Authentication user, HandoffTask task) {
        Set<String> queues = queuesOf(user);
        return queues.isEmpty() || queues.contains(task.queue()) || task.claimedBy(user.getName())
                || task.consulted(user.getName(), teamsOf(user));
    }

    /** Whether this agent works the task's queue (no supervisor check: for offers, made to agents by name). */
    boolean worksQueueOf(String username, HandoffTask task) {
        Set<String> queues = queuesOf(username);
        return queues.isEmpty() || queues.contains(task.queue());
    }

    List<HandoffTask> visible(Authentication user, List<HandoffTask> tasks) {
        return tasks.stream().filter(t -> maySee(user, t)).toList();
    }

    /** The task, or the same 404 as for an unknown task when it is in a queue this user may not see. */
    HandoffTask check(String taskId, Authentication user) {
        HandoffTask task = handoff.task(taskId);
        if (!maySee(user, task)) {
            throw new TaskNotFoundException();
        }
        return task;
    }

    /**
     * Whether this user may read a resident's history: an agent limited to queues only when one of the
     * resident's conversations has a task in those queues, so a queue does not open every resident.
     */
    boolean mayReadHistory(Authentication user, List<ContactSummary> history) {
        Set<String> queues = queuesOf(user);
        return queues.isEmpty() || history.stream().anyMatch(c -> handoff.taskOfConversation(c.conversationId())
                .filter(task -> queues.contains(task.queue())).isPresent());
    }

    static boolean isSupervisor(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> "ROLE_SUPERVISOR".equals(a.getAuthority()));
    }
}
