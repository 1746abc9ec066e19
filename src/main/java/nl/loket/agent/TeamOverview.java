package nl.loket.agent;

import nl.loket.contact.Priority;
import nl.loket.handoff.HandoffProperties;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import nl.loket.handoff.TeamProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a team lead watches: per team the tasks waiting by priority, those being handled, the longest wait against the
 * team's response target, and the tasks that breach it or will within a fifth of it. URGENT tasks count for the team
 * they belong to, although every agent works them first.
 */
@Component
class TeamOverview {

    /** A task is "nearing" its target in the last fifth of it. */
    static final double NEARING_SHARE = 0.8;

    record TeamLine(String team, String title, Map<Priority, Integer> waiting, int handled, Long longestWaitMinutes,
                    Long targetMinutes, List<String> breached, List<String> nearing) { }

    /** An unanswered task at or near its team's target, for the team lead's page: how long it has waited. */
    record Late(String reference, long waitedMinutes, boolean breached) { }

    /** One team's line and its late tasks, longest wait first. */
    record TeamState(TeamLine line, List<Late> late) { }

    private final HandoffService handoff;
    private final List<TeamProperties.Team> teams;
    private final TeamProperties teamProperties;
    private final String fallback;
    private final Clock clock;

    TeamOverview(HandoffService handoff, TeamProperties teams, HandoffProperties properties, Clock clock) {
        this.handoff = handoff;
        this.teams = teams.teams();
        this.teamProperties = teams;
        this.fallback = properties.queue();
        this.clock = clock;
    }

    List<TeamLine> now() {
        return states().stream().map(TeamState::line).toList();
    }

    List<TeamState> states() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, List<HandoffTask>> byTeam = new LinkedHashMap<>();
        teams.forEach(t -> byTeam.put(t.name(), new ArrayList<>()));
        byTeam.putIfAbsent(fallback, new ArrayList<>());
        for (HandoffTask task : handoff.tasks(EnumSet.of(TaskStatus.WAITING, TaskStatus.CLAIMED))) {
            byTeam.computeIfAbsent(task.team() == null ? fallback : task.team(), k -> new ArrayList<>()).add(task);
        }
        List<TeamState> lines = new ArrayList<>();
        byTeam.forEach((name, tasks) -> {
            TeamProperties.Team team = teams.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
            Duration target = team == null ? null : team.responseTarget();
            Map<Priority, Integer> waiting = new EnumMap<>(Priority.class);
            for (Priority p : Priority.values()) {
                waiting.put(p, 0);
            }
            Long longest = null;
            List<Late> late = new ArrayList<>();
            int handled = 0;
            for (HandoffTask task : tasks) {
                if (task.status() == TaskStatus.CLAIMED) {
                    handled++;
                }
                if (task.firstReplyAt() != null) {
                    continue; // answered: the response target is met
                }
                Duration waited = Duration.between(task.createdAt(), now);
                if (task.status() == TaskStatus.WAITING) {
                    waiting.merge(task.priority(), 1, Integer::sum);
                    longest = Math.max(longest == null ? 0 : longest, waited.toMinutes());
                }
                if (target != null && waited.compareTo(target) >= 0) {
                    late.add(new Late(task.reference(), waited.toMinutes(), true));
                } else if (target != null && waited.toMillis() >= target.toMillis() * NEARING_SHARE) {
                    late.add(new Late(task.reference(), waited.toMinutes(), false));
                }
            }
            late.sort(java.util.Comparator.comparingLong(Late::waitedMinutes).reversed());
            lines.add(new TeamState(new TeamLine(name, teamProperties.title(name), waiting, handled, longest,
                    target == null ? null : target.toMinutes(),
                    late.stream().filter(Late::breached).map(Late::reference).toList(),
                    late.stream().filter(l -> !l.breached()).map(Late::reference).toList()), List.copyOf(late)));
        });
        return lines;
    }
}
