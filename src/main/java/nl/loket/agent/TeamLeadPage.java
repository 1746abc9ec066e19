package nl.loket.agent;

import nl.loket.contact.Priority;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.loket.agent.TeamLeadView.AgentRow;
import static nl.loket.agent.TeamLeadView.Deadline;
import static nl.loket.agent.TeamLeadView.Figures;
import static nl.loket.agent.TeamLeadView.ChannelChoice;
import static nl.loket.agent.TeamLeadView.SkillsRow;
import static nl.loket.agent.TeamLeadView.AssignmentRow;
import static nl.loket.agent.TeamLeadView.StatusCell;
import static nl.loket.agent.TeamLeadView.TeamRow;

/**
 * The team lead's live view {@code /agent/teams} (SUPERVISOR, {@link AgentAccess}): the team overview of
 * {@code GET /api/agent/teams} and the agents' statuses as one page. Rendered whole on the server, so it works without
 * JavaScript; the page's script fetches {@code /agent/teams/figures} again on every live event.
 */
@Controller
@RequestMapping("/agent/teams")
class TeamLeadPage {

    static final String NO_TEAM = "Zonder vast team";
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final TeamOverview overview;
    private final AgentStatuses statuses;
    private final OfferRules rules;
    private final SkillChanges skillChanges;
    private final QueueAccess access;
    private final TeamChanges teamChanges;
    private final CapacityChanges capacityChanges;
    private final AgentCapacity capacity;
    /** The configured teams and the fallback queue, as the team boxes of the assignment form. */
    private final List<ChannelChoice> teamChoices;
    private final List<AgentAccountProperties.Account> agents;
    private final Clock clock;

    TeamLeadPage(TeamOverview overview, AgentStatuses statuses, AgentAccountProperties accounts, Clock clock,
                 OfferRules rules, SkillChanges skillChanges, QueueAccess access, TeamChanges teamChanges,
                 CapacityChanges capacityChanges, AgentCapacity capacity, nl.loket.handoff.TeamProperties teams,
                 nl.loket.handoff.HandoffProperties queues) {
        this.access = access;
        this.teamChanges = teamChanges;
        this.capacityChanges = capacityChanges;
        this.capacity = capacity;
        List<ChannelChoice> choices = new ArrayList<>();
        teams.teams().forEach(t -> choices.add(new ChannelChoice(t.name(), t.title(), false)));
        choices.add(new ChannelChoice(queues.queue(), nl.loket.handoff.TeamProperties.FALLBACK_TITLE, false));
        this.teamChoices = List.copyOf(choices);
        this.rules = rules;
        this.skillChanges = skillChanges;
        this.overview = overview;
        this.statuses = statuses;
        // Supervisors lead, they do not take tasks: only accounts with the role AGENT are counted.
        this.agents = accounts.agents().stream().filter(a -> a.roles().contains("AGENT")).toList();
        this.clock = clock;
    }

    /** {@code agent}: whose teams and capacity the assignment form shows (one form, so a lead of 30 agents tabs little). */
    @GetMapping
    String page(Model model, Authentication lead, @RequestParam(required = false) String agent) {
        model.addAttribute("agentName", lead.getName());
        model.addAttribute("f", figures());
        model.addAttribute("skills", skillsRows());
        List<String> names = agents.stream().map(AgentAccountProperties.Account::username).sorted().toList();
        String chosen = agent != null && names.contains(agent) ? agent : names.isEmpty() ? null : names.get(0);
        model.addAttribute("assignable", names);
        model.addAttribute("assignment", chosen == null ? null : assignmentRow(chosen));
        return "agent/teams";
    }

    /**
     * A team lead changes an agent's teams and capacity (or returns both to the configuration with {@code reset}); they
     * count at once, on every instance. The same as {@code PUT /api/agent/agents/{name}/teams} and {@code …/capacity}.
     */
    @PostMapping("/assignment")
    String setAssignment(@RequestParam String agent, @RequestParam(required = false) List<String> teams,
                         @RequestParam(required = false) String total, @RequestParam(required = false) String chat,
                         @RequestParam(required = false) String phone, @RequestParam(required = false) String sms,
                         @RequestParam(required = false) String webform, @RequestParam(required = false) String reset,
                         Authentication lead, RedirectAttributes flash) {
        if (!rules.knows(agent)) {
            flash.addFlashAttribute("error", "Deze medewerker bestaat niet.");
            return "redirect:/agent/teams";
        }
        if (reset != null) {
            teamChanges.reset(agent, lead.getName());
            capacityChanges.reset(agent, lead.getName());
            flash.addFlashAttribute("status", "De teams en capaciteit van " + agent + " zijn weer zoals ingesteld.");
            return "redirect:/agent/teams?agent=" + agent + "#assignment";
        }
        AgentAccountProperties.Capacity limits;
        try {
            limits = new AgentAccountProperties.Capacity(limit(total), limit(chat), limit(phone), limit(sms), limit(webform));
            CapacityChanges.check(limits); // before anything changes: teams and capacity are saved together
        } catch (NumberFormatException | nl.loket.platform.InvalidRequestException e) {
            flash.addFlashAttribute("error", CAPACITY_ERROR);
            return "redirect:/agent/teams?agent=" + agent + "#assignment";
        }
        if (teams == null || teams.isEmpty()) {
            flash.addFlashAttribute("error", "Kies minstens één team voor " + agent + ".");
            return "redirect:/agent/teams?agent=" + agent + "#assignment";
        }
        try {
            if (!teams.stream().sorted().toList().equals(access.teamsOf(agent).stream().sorted().toList())) {
                teamChanges.set(agent, teams, lead.getName());
            }
        } catch (nl.loket.platform.InvalidRequestException e) {
            flash.addFlashAttribute("error", "Kies alleen teams uit de lijst.");
            return "redirect:/agent/teams?agent=" + agent + "#assignment";
        }
        if (!limits.equals(capacity.capacityOf(agent))) {
            capacityChanges.set(agent, limits, lead.getName());
        }
        flash.addFlashAttribute("status", "De teams en capaciteit van " + agent + " zijn opgeslagen. Ze gelden meteen.");
        return "redirect:/agent/teams?agent=" + agent + "#assignment";
    }

    private static final String CAPACITY_ERROR = "Capaciteit is een heel getal van 1 tot " + CapacityChanges.MAX_LIMIT
            + ", of leeg voor geen grens.";

    /** A limit as typed: empty is none; the range is checked where it is set ({@link CapacityChanges#set}). */
    private static Integer limit(String typed) {
        return typed == null || typed.isBlank() ? null : Integer.valueOf(typed.strip());
    }

    private AssignmentRow assignmentRow(String agent) {
        java.util.Set<String> now = access.teamsOf(agent);
        List<ChannelChoice> boxes = teamChoices.stream()
                .map(t -> new ChannelChoice(t.value(), t.label(), now.contains(t.value()))).toList();
        AgentAccountProperties.Capacity c = capacity.capacityOf(agent);
        return new AssignmentRow(agent, boxes, text(c.total()), text(c.chat()), text(c.phone()), text(c.sms()),
                text(c.webform()), teamChanges.of(agent).isPresent() || capacityChanges.of(agent).isPresent());
    }

    private static String text(Integer limit) {
        return limit == null ? "" : limit.toString();
    }

    /**
     * A team lead changes an agent's skills (or returns them to the configuration with {@code reset}); they count at
     * once, on every instance. The same as {@code PUT /api/agent/agents/{name}/skills}.
     */
    @PostMapping("/skills")
    String setSkills(@RequestParam String agent, @RequestParam(required = false) String languages,
                     @RequestParam(required = false) List<String> channels, @RequestParam(required = false) String relay,
                     @RequestParam(required = false) String reset, Authentication lead, RedirectAttributes flash) {
        if (!rules.knows(agent)) {
            flash.addFlashAttribute("error", "Deze medewerker bestaat niet.");
            return "redirect:/agent/teams";
        }
        try {
            if (reset != null) {
                skillChanges.reset(agent, lead.getName());
                flash.addFlashAttribute("status", "De vaardigheden van " + agent + " zijn weer zoals ingesteld.");
            } else {
                List<String> codes = languages == null ? List.of() : java.util.Arrays.stream(languages.split("[,;\\s]+"))
                        .filter(code -> !code.isBlank()).toList();
                skillChanges.set(agent, codes, relay != null, channels == null ? List.of() : channels, lead.getName());
                flash.addFlashAttribute("status", "De vaardigheden van " + agent + " zijn opgeslagen. Ze gelden meteen.");
            }
        } catch (nl.loket.platform.InvalidRequestException e) {
            flash.addFlashAttribute("error", "Talen zijn codes van 2 of 3 letters, zoals nl of tr, met komma's ertussen.");
        }
        return "redirect:/agent/teams#skills";
    }

    private List<SkillsRow> skillsRows() {
        return agents.stream().sorted(java.util.Comparator.comparing(AgentAccountProperties.Account::username)).map(a -> {
            AgentSkills now = rules.skillsOf(a.username());
            List<ChannelChoice> boxes = java.util.Arrays.stream(nl.loket.contact.Channel.values())
                    .map(c -> new ChannelChoice(c.name(), WorkbenchLabels.channel(c), now.channels().contains(c))).toList();
            return new SkillsRow(a.username(), String.join(", ", now.languages()), boxes, now.relay(),
                    skillChanges.of(a.username()).isPresent());
        }).toList();
    }

    /** Only the figures, for the page's script: the same HTML, so the page and its refresh never differ. */
    @GetMapping("/figures")
    String refresh(Model model) {
        model.addAttribute("f", figures());
        return "agent/teams :: figures";
    }

    Figures figures() {
        List<TeamOverview.TeamState> states = overview.states();
        List<TeamRow> teams = new ArrayList<>();
        List<Map.Entry<String, TeamOverview.Late>> late = new ArrayList<>();
        int waiting = 0;
        int handled = 0;
        for (TeamOverview.TeamState state : states) {
            TeamOverview.TeamLine line = state.line();
            Map<Priority, Integer> w = line.waiting();
            waiting += w.values().stream().mapToInt(Integer::intValue).sum();
            handled += line.handled();
            teams.add(new TeamRow(line.team(), line.title(), w.get(Priority.URGENT), w.get(Priority.HIGH),
                    w.get(Priority.NORMAL), line.handled(), longestWait(line),
                    line.targetMinutes() == null ? "Geen norm" : WorkbenchLabels.duration(line.targetMinutes()),
                    line.nearing().size(), line.breached().size()));
            state.late().forEach(l -> late.add(Map.entry(line.title(), l)));
        }
        // Past the target first, then nearing it; within each, the longest wait first.
        List<Deadline> deadlines = late.stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<String, TeamOverview.Late> e) -> !e.getValue().breached())
                        .thenComparing(e -> -e.getValue().waitedMinutes()))
                .map(e -> new Deadline(e.getValue().reference(), e.getKey(), WorkbenchLabels.duration(e.getValue().waitedMinutes()),
                        e.getValue().breached() ? "breached" : "nearing", e.getValue().breached() ? "Te laat" : "Bijna te laat"))
                .toList();
        int breached = (int) deadlines.stream().filter(d -> "breached".equals(d.state())).count();
        return new Figures(OffsetDateTime.now(clock).atZoneSameInstant(WorkbenchLabels.ZONE).format(CLOCK_TIME),
                waiting, handled, deadlines.size() - breached, breached, teams, deadlines, agentRows(states));
    }

    private static String longestWait(TeamOverview.TeamLine line) {
        if (line.longestWaitMinutes() == null) {
            return "Niemand wacht";
        }
        String wait = WorkbenchLabels.duration(line.longestWaitMinutes());
        if (line.targetMinutes() == null || line.targetMinutes() == 0) {
            return wait;
        }
        return wait + " (" + Math.round(100.0 * line.longestWaitMinutes() / line.targetMinutes()) + "% van de norm)";
    }

    private List<AgentRow> agentRows(List<TeamOverview.TeamState> states) {
        Map<String, AgentStatuses.AgentStatus> now = statuses.all();
        List<AgentRow> rows = new ArrayList<>();
        for (TeamOverview.TeamState state : states) {
            String team = state.line().team();
            rows.add(agentRow(state.line().title(), agents.stream()
                    .filter(a -> access.teamsOf(a.username()).contains(team)).toList(), now));
        }
        List<AgentAccountProperties.Account> withoutTeam = agents.stream()
                .filter(a -> access.teamsOf(a.username()).isEmpty()).toList();
        if (!withoutTeam.isEmpty()) {
            rows.add(agentRow(NO_TEAM, withoutTeam, now));
        }
        return rows;
    }

    private AgentRow agentRow(String title, List<AgentAccountProperties.Account> members,
                                     Map<String, AgentStatuses.AgentStatus> now) {
        List<StatusCell> cells = new ArrayList<>();
        for (AgentStatuses.Status status : AgentStatuses.Status.values()) {
            List<String> names = members.stream()
                    .filter(a -> now.containsKey(a.username()) ? now.get(a.username()).status() == status
                            : status == AgentStatuses.Status.OFFLINE)
                    .sorted(java.util.Comparator.comparing(AgentAccountProperties.Account::username))
                    .map(a -> nameWithSkills(a.username(), rules.skillsOf(a.username()))).toList();
            cells.add(new StatusCell(status.name().toLowerCase(java.util.Locale.ROOT), statusLabel(status), names.size(),
                    status == AgentStatuses.Status.OFFLINE ? List.of() : names));
        }
        return new AgentRow(title, cells);
    }

    /** "bas (talen: nl, tr; Tolkcontact; kanalen: chat, sms)": who can take what, so a lead sees whether a skill is there now. */
    static String nameWithSkills(String username, AgentSkills agentSkills) {
        List<String> skills = new ArrayList<>();
        if (!agentSkills.languages().isEmpty()) {
            skills.add("talen: " + String.join(", ", agentSkills.languages()));
        }
        if (agentSkills.relay()) {
            skills.add("Tolkcontact");
        }
        if (!agentSkills.channels().isEmpty()) {
            skills.add("kanalen: " + String.join(", ", agentSkills.channels().stream()
                    .map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList()));
        }
        return skills.isEmpty() ? username : username + " (" + String.join("; ", skills) + ")";
    }

    static String statusLabel(AgentStatuses.Status status) {
        return switch (status) {
            case AVAILABLE -> "Beschikbaar";
            case BUSY -> "Bezig";
            case AWAY -> "Afwezig";
            case OFFLINE -> "Offline";
        };
    }
}
