package nl.loket.agent;

import java.util.List;

/**
 * What the team lead's page ({@code /agent/teams}) shows; public so Thymeleaf can read it. References, counts and
 * colleagues' names only: never a resident's words or personal data.
 */
public final class TeamLeadView {

    private TeamLeadView() { }

    /**
     * The whole page at one moment.
     *
     * @param at       when the figures were read (HH:mm:ss), so the lead sees they are fresh
     * @param breached unanswered tasks past their team's target; {@code nearing} those in its last fifth
     */
    public record Figures(String at, int waiting, int handled, int nearing, int breached, List<TeamRow> teams,
                          List<Deadline> deadlines, List<AgentRow> agents) { }

    /** One team: waiting tasks by priority, tasks in hand, the longest wait against the team's target. */
    public record TeamRow(String team, String title, int urgent, int high, int normal, int handled,
                          String longestWait, String target, int nearing, int breached) { }

    /** A task at or near its target. {@code state} is {@code breached} or {@code nearing}; the label says it in words. */
    public record Deadline(String reference, String team, String waited, String state, String stateLabel) { }

    /** Who of one team is available, busy, away or offline. */
    public record AgentRow(String title, List<StatusCell> statuses) { }

    /**
     * One agent's skills in the form a team lead changes them: languages as typed ("nl, tr"), the channels they work
     * (none: every channel), the relay, and whether a team lead changed them (else they are as configured).
     */
    public record SkillsRow(String agent, String languages, List<ChannelChoice> channels, boolean relay, boolean changed) { }

    /**
     * One agent's teams (a box per team) and capacity (empty: no limit) as they count now, for the team lead's form;
     * {@code changed}: a team lead changed either.
     */
    public record AssignmentRow(String agent, List<ChannelChoice> teams, String total, String chat, String phone,
                                String sms, String webform, boolean changed) { }

    /** One channel box of a skills form (also one team box of an assignment form). */
    public record ChannelChoice(String value, String label, boolean checked) { }

    /** The agents of one status; offline ones are only counted, the lead needs to know who can work. */
    public record StatusCell(String status, String label, int count, List<String> agents) { }
}
