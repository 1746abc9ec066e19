package nl.loket.agent;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.loket.contact.AuthorRole;
import nl.loket.contact.ContactSummary;
import nl.loket.contact.Direction;
import nl.loket.contact.ContactService;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.handoff.HandoffCase;
import nl.loket.handoff.HandoffProperties;
import nl.loket.handoff.Callbacks;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.TeamProperties;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import nl.loket.platform.IdempotencyKey;
import nl.loket.platform.ProblemException;
import nl.loket.platform.ProblemMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static nl.loket.agent.WorkbenchViews.Contact;
import static nl.loket.agent.WorkbenchViews.Line;
import static nl.loket.agent.WorkbenchViews.Queue;
import static nl.loket.agent.WorkbenchViews.QueueRow;
import static nl.loket.agent.WorkbenchViews.Spoken;
import static nl.loket.agent.WorkbenchViews.Suggestion;
import static nl.loket.agent.WorkbenchViews.Updates;

/**
 * The agent workbench pages under {@code /agent}: login, the queue, one conversation. Session login with
 * CSRF on every form (SecurityConfiguration); reads go through {@link HandoffService} like the agent API,
 * with BSN/IBAN masked unless revealed on purpose, and every view of a conversation audited.
 */
@Controller
@RequestMapping("/agent")
class WorkbenchController {

    static final String CLAIMED_BY_COLLEAGUE = "Een collega heeft deze taak al.";
    static final String AT_CAPACITY = "U heeft al zoveel taken als u tegelijk mag hebben. Sluit er eerst een af of draag er een over.";
    static final String NO_CALLBACK_SLOTS = "Er is de komende tijd geen vrije terugbeltijd. Spreek zelf een tijd af of vraag uw teamleider.";
    static final String NO_CALLBACK_PLANNED = "Er is nog geen terugbeltijd gekozen. Stel eerst tijden voor.";
    static final String NOT_YOURS = "Alleen de medewerker die deze taak heeft opgepakt, kan antwoorden of afsluiten.";

    /** Strict: no inline script or style, nothing from elsewhere. */
    private final HandoffService handoff;
    private final AuditLog audit;
    private final TranscriptMasking masking;
    private final ArticleLinks articles;
    private final Clock clock;
    private final QueueAccess access;
    private final ContactService contacts;
    private final List<TeamOption> teams;
    private final LiveUpdates live;
    private final Snippets snippets;
    private final nl.loket.contact.AgentTyping typing;
    private final Colleagues colleagues;
    private final AgentCapacity capacity;
    private final NextTask nextTask;
    private final Offers offers;
    private final OfferProperties offerProperties;
    private final AgentStatuses statuses;
    private final Callbacks callbacks;

    /** A team to hand a task to, as the transfer form offers it. */
    record TeamOption(String name, String title) { }

    WorkbenchController(HandoffService handoff, AuditLog audit, TranscriptMasking masking, ArticleLinks articles,
                        Clock clock, QueueAccess access, ContactService contacts, TeamProperties teamProperties,
                        HandoffProperties handoffProperties, LiveUpdates live, Snippets snippets,
                        nl.loket.contact.AgentTyping typing, Colleagues colleagues, AgentCapacity capacity,
                        Offers offers, AgentStatuses statuses, Callbacks callbacks, NextTask nextTask,
                        OfferProperties offerProperties) {
        this.offerProperties = offerProperties;
        this.nextTask = nextTask;
        this.callbacks = callbacks;
        this.capacity = capacity;
        this.offers = offers;
        this.statuses = statuses;
        this.typing = typing;
        this.colleagues = colleagues;
        this.live = live;
        this.snippets = snippets;
        List<TeamOption> options = new java.util.ArrayList<>();
        teamProperties.teams().forEach(t -> options.add(new TeamOption(t.name(), t.title())));
        if (options.stream().noneMatch(o -> o.name().equals(handoffProperties.queue()))) {
            options.add(new TeamOption(handoffProperties.queue(), TeamProperties.FALLBACK_TITLE));
        }
        this.teams = List.copyOf(options);
        this.handoff = handoff;
        this.contacts = contacts;
        this.audit = audit;
        this.masking = masking;
        this.articles = articles;
        this.clock = clock;
        this.access = access;
    }

    // ---- login ----

    @GetMapping("/login")
    String login(Authentication agent) {
        return "agent/login";
    }

    // ---- queue ----

    @GetMapping({"", "/"})
    String queue(Model model, Authentication agent) {
        model.addAttribute("queue", queueOf(agent));
        model.addAttribute("agentName", agent.getName());
        model.addAttribute("statusLabels", STATUS_LABELS);
        return "agent/queue";
    }

    /** The queue poll for the page's script (session login, no resident data). */
    @GetMapping(value = "/queue.json", produces = "application/json")
    @ResponseBody
    Queue queueJson(Authentication agent) {
        return queueOf(agent);
    }

    @PostMapping("/next")
    String next(Authentication agent, RedirectAttributes flash) {
        Optional<HandoffTask> task;
        try {
            task = nextTask.claimFor(agent);
        } catch (AgentAtCapacityException e) {
            flash.addFlashAttribute("status", AT_CAPACITY);
            return "redirect:/agent";
        }
        if (task.isEmpty()) {
            flash.addFlashAttribute("status", "Er wachten geen taken.");
            return "redirect:/agent";
        }
        flash.addFlashAttribute("status", "U heeft taak " + task.get().reference() + " opgepakt.");
        return "redirect:/agent/tasks/" + task.get().id();
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, Authentication agent, Model model, RedirectAttributes flash,
                 HttpServletResponse response) {
        try {
            HandoffTask seen = access.check(id, agent);
            if (!seen.claimedBy(agent.getName())) {
                capacity.checkRoomFor(agent, seen.channel());
            }
            HandoffTask task = handoff.claim(id, agent.getName());
            flash.addFlashAttribute("status", "U heeft taak " + task.reference() + " opgepakt.");
            return "redirect:/agent/tasks/" + task.id();
        } catch (ProblemException e) {
            response.setStatus(e.status());
            model.addAttribute("error", e.status() == 404 ? "Deze taak bestaat niet meer."
                    : e instanceof AgentAtCapacityException ? AT_CAPACITY : CLAIMED_BY_COLLEAGUE);
            return queue(model, agent);
        }
    }

    // ---- offers and the agent's own status ----

    static final String OFFER_GONE = "Deze taak wordt u niet meer aangeboden: de tijd is om of een collega heeft hem al.";

    /** Accepts the task offered to this agent (the same claim as "Pak op") and opens it. */
    @PostMapping("/tasks/{id}/offer/accept")
    String acceptOffer(@PathVariable String id, Authentication agent, RedirectAttributes flash) {
        try {
            HandoffTask task = access.check(id, agent);
            HandoffTask claimed = offers.accept(id, agent);
            audit.record(agent.getName(), AuditLog.Action.OFFER_ACCEPTED, task.conversationId(), task.id(), task.residentId());
            flash.addFlashAttribute("status", "U heeft taak " + claimed.reference() + " opgepakt.");
            return "redirect:/agent/tasks/" + claimed.id();
        } catch (ProblemException e) {
            flash.addFlashAttribute("error", e instanceof AgentAtCapacityException ? AT_CAPACITY : OFFER_GONE);
            return "redirect:/agent";
        }
    }

    /** Declines the offer: the task goes to a colleague. */
    @PostMapping("/tasks/{id}/offer/decline")
    String declineOffer(@PathVariable String id, Authentication agent, RedirectAttributes flash) {
        try {
            HandoffTask task = access.check(id, agent);
            offers.decline(id, agent.getName());
            audit.record(agent.getName(), AuditLog.Action.OFFER_DECLINED, task.conversationId(), task.id(), task.residentId());
            flash.addFlashAttribute("status", "U heeft taak " + task.reference() + " afgewezen. Hij gaat naar een collega.");
        } catch (ProblemException e) {
            flash.addFlashAttribute("error", OFFER_GONE);
        }
        return "redirect:/agent";
    }

    /** The agent's own status: only AVAILABLE agents are offered tasks. */
    @PostMapping("/status")
    String setStatus(@org.springframework.web.bind.annotation.RequestParam(required = false) String status,
                     Authentication agent, RedirectAttributes flash) {
        try {
            AgentStatuses.Status chosen = AgentStatuses.Status.valueOf(String.valueOf(status).strip().toUpperCase(java.util.Locale.ROOT));
            statuses.set(agent.getName(), chosen);
            flash.addFlashAttribute("status", "Uw status is nu: " + STATUS_LABELS.get(chosen) + ".");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "Kies een status.");
        }
        return "redirect:/agent";
    }

    /** Why Loket changed the agent's status, in the agent's words; null when they chose it themselves. */
    private String statusNote(AgentStatuses.AgentStatus status) {
        return status.setBy() == AgentStatuses.SetBy.OFFERS_LAPSED
                ? "Loket heeft u op " + STATUS_LABELS.get(status.status()) + " gezet: u liet " + offerProperties.awayAfterLapses()
                  + " aangeboden taken na elkaar verlopen. Kies Beschikbaar als u weer taken wilt krijgen."
                : null;
    }

    static final java.util.Map<AgentStatuses.Status, String> STATUS_LABELS = new java.util.EnumMap<>(java.util.Map.of(
            AgentStatuses.Status.AVAILABLE, "Beschikbaar", AgentStatuses.Status.BUSY, "Bezet",
            AgentStatuses.Status.AWAY, "Afwezig", AgentStatuses.Status.OFFLINE, "Offline"));

    private WorkbenchViews.OfferView offerOf(Authentication agent) {
        return offers.ofAgent(agent.getName()).flatMap(o -> {
            try {
                HandoffTask t = handoff.task(o.taskId());
                return Optional.of(new WorkbenchViews.OfferView(t.id(), t.reference(),
                        t.team() == null ? TeamProperties.FALLBACK_TITLE : teamTitle(t.team()), t.priority().name(),
                        WorkbenchLabels.priority(t.priority()),
                        java.time.Instant.ofEpochMilli(o.untilMillis()).atZone(WorkbenchLabels.ZONE)
                                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"))));
            } catch (nl.loket.handoff.TaskNotFoundException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    // ---- one conversation ----

    @GetMapping("/tasks/{id}")
    String conversation(@PathVariable String id, Model model, Authentication agent) {
        return conversationPage(id, false, model, agent);
    }

    /** "Toon gegevens": the same page with BSN and IBAN shown, audited as a reveal. A POST, so it is never a link. */
    @PostMapping("/tasks/{id}/reveal")
    String reveal(@PathVariable String id, Model model, Authentication agent) {
        model.addAttribute("status", "Alle gegevens worden getoond. Dit is vastgelegd.");
        return conversationPage(id, true, model, agent);
    }

    /** New messages after the first {@code after} and the delivery status of every reply; audited when new text is shown. */
    @GetMapping(value = "/tasks/{id}/updates.json", produces = "application/json")
    @ResponseBody
    ResponseEntity<Updates> updates(@PathVariable String id, @RequestParam(defaultValue = "0") int after,
                                    Authentication agent) {
        HandoffCase c;
        try {
            access.check(id, agent);
            c = handoff.caseOf(id, agent.getName());
        } catch (ProblemException e) {
            return ResponseEntity.status(e.status()).build();
        }
        List<Line> all = lines(c.transcript(), masking::mask);
        int from = Math.max(0, Math.min(after, all.size()));
        List<Line> fresh = all.subList(from, all.size());
        if (!fresh.isEmpty()) {
            audit.record(agent.getName(), AuditLog.Action.VIEW, c.task().conversationId(), c.task().id(),
                    c.task().residentId());
        }
        List<Line> deliveries = all.subList(0, from).stream().filter(l -> l.delivery() != null)
                .map(l -> new Line(l.index(), l.id(), null, null, null, null, null, null, l.delivery(), l.deliveryLabel(), null))
                .toList();
        HandoffTask t = c.task();
        return ResponseEntity.ok(new Updates(t.status().name(), statusLabel(t, agent.getName()), t.claimedBy(agent.getName()),
                all.size(), fresh, deliveries));
    }

    /**
     * The reply form carries a key made for each rendering of the page ({@code replyKey}): sending the same form again
     * (the browser's resend, or "Versturen" after the 503 below) stores and sends the reply once.
     */
    @PostMapping("/tasks/{id}/reply")
    String reply(@PathVariable String id, @RequestParam(defaultValue = "") String text,
                 @RequestParam(required = false) String replyKey, Authentication agent,
                 Model model, RedirectAttributes flash, HttpServletResponse response, HttpServletRequest request) {
        String key = IdempotencyKey.orNull(replyKey, "replyKey");
        try {
            access.check(id, agent);
            handoff.reply(id, agent.getName(), text, key);
            flash.addFlashAttribute("status", "Uw antwoord is opgeslagen en wordt verstuurd.");
            return "redirect:/agent/tasks/" + id;
        } catch (ProblemException e) {
            model.addAttribute("replyKey", key);
            return failed(id, e, e.status() == 400 ? "Typ eerst een antwoord." : NOT_YOURS, text, model, agent, response);
        } catch (RuntimeException e) {
            if (!ProblemMapper.isRedisTrouble(e)) {
                throw e;
            }
            ProblemMapper.map(e, request.getRequestURI()); // logged as every request Redis failed
            // Redis could not confirm the reply (e.g. no replica in time): it may be stored. The same form, same key,
            // lets the agent send it again without the resident getting it twice.
            response.setStatus(503);
            model.addAttribute("replyKey", key);
            model.addAttribute("error", NOT_CONFIRMED);
            model.addAttribute("draft", text);
            return conversationPage(id, false, model, agent);
        }
    }

    static final String NOT_CONFIRMED = "Uw antwoord kon niet worden bevestigd. Verstuur het opnieuw: "
            + "de inwoner krijgt het maar één keer.";

    /** A possible match on the conversation page: the other resident and what is known of their contacts. */
    record MatchRow(String residentId, String description) { }

    /** "Zelfde persoon" / "Niet dezelfde persoon" on a possible match; audited like the API's decision. */
    @PostMapping("/tasks/{id}/matches/{otherId}")
    String decideMatch(@PathVariable String id, @PathVariable String otherId, @RequestParam(required = false) String samePerson,
                       Authentication agent, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            access.check(id, agent);
            HandoffTask task = handoff.task(id);
            boolean same = "true".equals(samePerson);
            if (otherId.length() <= 64 && contacts.decideMatch(task.residentId(), otherId, same)) {
                audit.record(agent.getName(), same ? AuditLog.Action.MATCH_CONFIRMED : AuditLog.Action.MATCH_REJECTED,
                        task.conversationId(), task.id(), task.residentId() + "=" + otherId);
                flash.addFlashAttribute("status", same ? "De contacten zijn samengevoegd in de geschiedenis."
                        : "Vastgelegd: niet dezelfde persoon.");
            }
            return "redirect:/agent/tasks/" + task.id();
        } catch (ProblemException e) {
            return failed(id, e, NOT_YOURS, null, model, agent, response);
        }
    }

    @PostMapping("/tasks/{id}/release")
    String release(@PathVariable String id, Authentication agent, Model model, RedirectAttributes flash,
                   HttpServletResponse response) {
        try {
            access.check(id, agent);
            HandoffTask task = handoff.release(id, agent.getName(), isSupervisor(agent));
            flash.addFlashAttribute("status", "Taak " + task.reference() + " staat weer in de wachtrij.");
            return "redirect:/agent";
        } catch (ProblemException e) {
            return failed(id, e, NOT_YOURS, null, model, agent, response);
        }
    }

    /** The page's live updates (the session's agent): the same events as {@code GET /api/agent/stream}. */
    @GetMapping(value = "/stream", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter stream(Authentication agent) {
        return live.open(agent);
    }

    /** Hands the task to another team or a named colleague, with a note for them; the resident is told. */
    @PostMapping("/tasks/{id}/transfer")
    String transfer(@PathVariable String id, @RequestParam(required = false) String team,
                    @RequestParam(required = false) String colleague, @RequestParam(required = false) String note,
                    Authentication agent, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            HandoffTask task = access.check(id, agent);
            if (!task.claimedBy(agent.getName())) {
                response.setStatus(409);
                model.addAttribute("error", NOT_YOURS);
                return conversationPage(id, false, model, agent);
            }
            Colleagues.Target to = colleagues.target(team, colleague);
            HandoffTask moved = handoff.transfer(id, agent.getName(), to.team(), to.agent(), note, false);
            audit.record(agent.getName(), AuditLog.Action.TRANSFER, task.conversationId(), task.id(), task.residentId());
            flash.addFlashAttribute("status", "Taak " + moved.reference() + " is overgedragen aan "
                    + (to.team() != null ? teamTitle(to.team()) : to.agent()) + ".");
            return "redirect:/agent";
        } catch (ProblemException e) {
            return failed(id, e, e.status() == 400
                    ? "Kies een team óf vul een collega in, en schrijf een notitie voor uw collega." : NOT_YOURS,
                    null, model, agent, response);
        }
    }

    /** The agent holding the task is typing: the resident's chat shows "Medewerker typt…" for a few seconds. 204. */
    @PostMapping("/tasks/{id}/typing")
    org.springframework.http.ResponseEntity<Void> typing(@PathVariable String id, Authentication agent) {
        HandoffTask task = access.check(id, agent);
        if (task.claimedBy(agent.getName())) {
            typing.typing(task.conversationId());
        }
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    /** Asks a colleague or team about the case; the task stays with this agent. */
    @PostMapping("/tasks/{id}/consult")
    String consult(@PathVariable String id, @RequestParam(required = false) String team,
                   @RequestParam(required = false) String colleague, @RequestParam(required = false) String question,
                   Authentication agent, Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            HandoffTask task = access.check(id, agent);
            Colleagues.Target to = colleagues.target(team, colleague);
            handoff.consult(id, agent.getName(), to.team(), to.agent(), question, false);
            audit.record(agent.getName(), AuditLog.Action.CONSULT, task.conversationId(), task.id(), task.residentId());
            flash.addFlashAttribute("status", "Uw vraag staat bij de notities. U houdt de taak.");
            return "redirect:/agent/tasks/" + id;
        } catch (ProblemException e) {
            return failed(id, e, e.status() == 400
                    ? "Kies een team óf vul een collega in, en schrijf uw vraag." : NOT_YOURS, null, model, agent, response);
        }
    }

    /** An internal note: for colleagues, never sent to the resident. */
    @PostMapping("/tasks/{id}/notes")
    String note(@PathVariable String id, @RequestParam(required = false) String text, Authentication agent, Model model,
                RedirectAttributes flash, HttpServletResponse response) {
        try {
            HandoffTask task = access.check(id, agent);
            handoff.note(id, agent.getName(), text);
            audit.record(agent.getName(), AuditLog.Action.NOTE, task.conversationId(), task.id(), task.residentId());
            flash.addFlashAttribute("status", "Notitie bewaard. De inwoner ziet deze niet.");
            return "redirect:/agent/tasks/" + id;
        } catch (ProblemException e) {
            return failed(id, e, e.status() == 400 ? "Schrijf eerst een notitie (hoogstens 2.000 tekens)." : NOT_YOURS,
                    null, model, agent, response);
        }
    }

    /** Sends the resident the next free call-back times to answer by number. */
    @PostMapping("/tasks/{id}/callback/propose")
    String proposeCallback(@PathVariable String id, Authentication agent, Model model, RedirectAttributes flash,
                           HttpServletResponse response) {
        try {
            HandoffTask task = access.check(id, agent);
            List<OffsetDateTime> slots = callbacks.propose(id, agent.getName(), false);
            audit.record(agent.getName(), AuditLog.Action.CALLBACK_PROPOSED, task.conversationId(), task.id(), task.residentId());
            flash.addFlashAttribute("status", slots.size() + " tijden gestuurd. De inwoner antwoordt met een nummer."
                    + " Daarna staat de taak op die tijd in de wachtrij.");
            return "redirect:/agent/tasks/" + id;
        } catch (ProblemException e) {
            return failed(id, e, Callbacks.NO_FREE_SLOTS.equals(e.title()) ? NO_CALLBACK_SLOTS : NOT_YOURS, null, model,
                    agent, response);
        }
    }

    /** Records whether the resident was reached on the planned call-back. */
    @PostMapping("/tasks/{id}/callback/outcome")
    String callbackOutcome(@PathVariable String id, @RequestParam(required = false) Boolean reached, Authentication agent,
                           Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            HandoffTask task = access.check(id, agent);
            if (reached == null) {
                response.setStatus(400);
                model.addAttribute("error", "Kies: bereikt of niet bereikt.");
                return conversationPage(id, false, model, agent);
            }
            HandoffTask after = reached ? callbacks.reached(id, agent.getName(), false)
                    : callbacks.notReached(id, agent.getName(), false);
            audit.record(agent.getName(), reached ? AuditLog.Action.CALLBACK_REACHED : AuditLog.Action.CALLBACK_NOT_REACHED,
                    task.conversationId(), task.id(), task.residentId());
            flash.addFlashAttribute("status", after.status() == TaskStatus.CLOSED
                    ? "Taak " + after.reference() + " is afgesloten: " + WorkbenchLabels.resolution(after.resolution()) + "."
                    : "Taak " + after.reference() + ": " + WorkbenchLabels.callback(after.callbackAt(), after.relay(),
                    OffsetDateTime.now(clock)) + ". Hij staat dan weer in de wachtrij.");
            return "redirect:/agent";
        } catch (ProblemException e) {
            return failed(id, e, Callbacks.NOTHING_PLANNED.equals(e.title()) ? NO_CALLBACK_PLANNED : NOT_YOURS, null, model,
                    agent, response);
        }
    }

    private String teamTitle(String name) {
        return teams.stream().filter(t -> t.name().equals(name)).map(TeamOption::title).findFirst().orElse(name);
    }

    @PostMapping("/tasks/{id}/close")
    String close(@PathVariable String id, @RequestParam(required = false) String resolution, Authentication agent,
                 Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            // On the pages only the agent holding the task closes it (the API lets a supervisor close any).
            HandoffTask task = access.check(id, agent);
            if (!task.claimedBy(agent.getName())) {
                response.setStatus(409);
                model.addAttribute("error", NOT_YOURS);
                return conversationPage(id, false, model, agent);
            }
            HandoffTask closed = handoff.close(id, agent.getName(), resolution, false);
            flash.addFlashAttribute("status", "Taak " + closed.reference() + " is afgesloten: "
                    + WorkbenchLabels.resolution(closed.resolution()) + ".");
            return "redirect:/agent";
        } catch (ProblemException e) {
            return failed(id, e, e.status() == 400 ? "Kies hoe het gesprek is afgehandeld." : NOT_YOURS, null, model,
                    agent, response);
        }
    }

    private String failed(String id, ProblemException e, String message, String draft, Model model,
                          Authentication agent, HttpServletResponse response) {
        response.setStatus(e.status());
        if (e.status() == 404) {
            model.addAttribute("error", "Deze taak bestaat niet meer.");
            return queue(model, agent);
        }
        model.addAttribute("error", message);
        model.addAttribute("draft", draft);
        return conversationPage(id, false, model, agent);
    }

    private String conversationPage(String id, boolean reveal, Model model, Authentication agent) {
        access.check(id, agent);
        HandoffCase c = handoff.caseOf(id, agent.getName());
        HandoffTask t = c.task();
        audit.record(agent.getName(), reveal ? AuditLog.Action.REVEAL : AuditLog.Action.VIEW, t.conversationId(), t.id(),
                t.residentId());
        UnaryOperator<String> mask = reveal ? UnaryOperator.identity() : masking::mask;
        List<Line> lines = lines(c.transcript(), mask);
        boolean hasMasked = !reveal && c.transcript().stream().anyMatch(m -> m.text() != null && !m.text().equals(masking.mask(m.text()))
                || m.transcript() != null && m.transcript().stream().anyMatch(l -> l.text() != null && !l.text().equals(masking.mask(l.text()))));
        model.addAttribute("agentName", agent.getName());
        if (model.getAttribute("replyKey") == null) {
            model.addAttribute("replyKey", UUID.randomUUID().toString()); // a new reply for each rendering
        }
        model.addAttribute("task", t);
        model.addAttribute("reference", t.reference());
        model.addAttribute("channelLabel", WorkbenchLabels.channel(t.channel()));
        model.addAttribute("channelIcon", WorkbenchLabels.channelIcon(t.channel()));
        model.addAttribute("relayLabel", WorkbenchLabels.relay(t.relay()));
        model.addAttribute("tolkcontact", "TOLKCONTACT".equalsIgnoreCase(t.relay()));
        model.addAttribute("languageLabel", WorkbenchLabels.language(t.language()));
        model.addAttribute("reasonLabel", WorkbenchLabels.reason(t.reason()));
        model.addAttribute("teamLabel", t.team() == null ? TeamProperties.FALLBACK_TITLE : teamTitle(t.team()));
        model.addAttribute("teams", teams.stream().filter(o -> !o.name().equals(t.team())).toList());
        model.addAttribute("notes", t.notes().stream().map(n -> new NoteRow(n.author(), WorkbenchLabels.dateTime(n.at()),
                switch (n.kind()) {
                    case TRANSFER -> "Overgedragen aan " + teamTitle(n.to());
                    case CONSULT -> "Vraag aan " + teamTitle(n.to());
                    case NOTE -> "Notitie";
                    case CALLBACK -> "Terugbellen";
                },
                mask.apply(n.text()))).toList());
        model.addAttribute("priorityLabel", WorkbenchLabels.priority(t.priority()));
        model.addAttribute("statusLabel", statusLabel(t, agent.getName()));
        model.addAttribute("createdAt", WorkbenchLabels.dateTime(t.createdAt()));
        model.addAttribute("waiting", WorkbenchLabels.waiting(t.createdAt(), OffsetDateTime.now(clock)));
        model.addAttribute("summary", mask.apply(t.summary()));
        model.addAttribute("lines", lines);
        model.addAttribute("hasMasked", hasMasked);
        model.addAttribute("revealed", reveal);
        model.addAttribute("contactDetails", c.resident() == null ? List.of() : c.resident().identities().stream()
                .filter(i -> i.kind() == Identity.Kind.PHONE || i.kind() == Identity.Kind.EMAIL)
                .map(i -> (i.kind() == Identity.Kind.PHONE ? "Telefoon" : "E-mail")
                        + (i.verified() ? ": " : " (ingevuld, niet gecontroleerd): ") + i.value()).toList());
        model.addAttribute("possibleMatches", c.possibleMatches().stream()
                .map(m -> new MatchRow(m.residentId(), m.contacts() + (m.contacts() == 1 ? " contact" : " contacten")
                        + (m.lastContactAt() == null ? "" : ", laatst " + WorkbenchLabels.dateTime(m.lastContactAt()))))
                .toList());
        model.addAttribute("history", c.history().stream().map(h -> contact(h.withSubject(mask))).toList());
        model.addAttribute("suggestions", suggestions(t));
        model.addAttribute("snippets", snippets.forTask(agent.getName(), access.teamsOf(agent), t));
        model.addAttribute("mine", t.claimedBy(agent.getName()));
        model.addAttribute("waitingTask", t.status() == TaskStatus.WAITING);
        model.addAttribute("closed", t.status() == TaskStatus.CLOSED);
        model.addAttribute("sms", t.channel() == nl.loket.contact.Channel.SMS);
        model.addAttribute("phone", t.channel() == nl.loket.contact.Channel.PHONE || t.callback());
        model.addAttribute("resolutions", WorkbenchLabels.RESOLUTIONS);
        model.addAttribute("resolutionLabel", WorkbenchLabels.resolution(t.resolution()));
        model.addAttribute("callbackLabel", WorkbenchLabels.callback(t.callbackAt(), t.relay(), OffsetDateTime.now(clock)));
        model.addAttribute("callbackPlanned", t.callbackAt() != null);
        model.addAttribute("callbackSlots", t.claimedBy(agent.getName()) && t.callbackAt() == null
                ? callbacks.freeSlots(t).stream().map(WorkbenchLabels::dateTime).toList() : List.of());
        return "agent/conversation";
    }

    /** An internal note as the task page shows it. */
    record NoteRow(String author, String at, String kind, String text) { }

    private Queue queueOf(Authentication agent) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<QueueRow> rows = access.visible(agent, handoff.tasks(EnumSet.of(TaskStatus.WAITING, TaskStatus.CLAIMED))).stream()
                .map(t -> new QueueRow(t.id(), t.reference(), t.priority().name(), WorkbenchLabels.priority(t.priority()),
                        Math.max(0, java.time.Duration.between(t.createdAt(), now).toMinutes()),
                        WorkbenchLabels.waiting(t.createdAt(), now), t.reason() == null ? null : t.reason().name(),
                        WorkbenchLabels.reason(t.reason()), t.language() == null ? "nl" : t.language(),
                        WorkbenchLabels.language(t.language()), t.relay(), WorkbenchLabels.relay(t.relay()),
                        t.channel() == null ? null : t.channel().name(), WorkbenchLabels.channel(t.channel()),
                        WorkbenchLabels.channelIcon(t.channel()), t.status().name(), statusLabel(t, agent.getName()),
                        t.claimedBy(agent.getName())))
                .toList();
        int waiting = (int) rows.stream().filter(r -> r.status().equals("WAITING")).count();
        AgentStatuses.AgentStatus mine = statuses.of(agent.getName());
        return new Queue(waiting, rows.size() - waiting, rows, offerOf(agent), mine.status().name(), statusNote(mine));
    }

    private List<Suggestion> suggestions(HandoffTask t) {
        List<Suggestion> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String s : t.suggestions()) {
            articles.find(s, t.language()).filter(l -> !seen.contains(l.id())).ifPresent(l -> {
                seen.add(l.id());
                out.add(new Suggestion(l.id(), l.title(), l.summary(), l.source(), l.insertText()));
            });
        }
        return out;
    }

    private static List<Line> lines(List<Message> messages, UnaryOperator<String> mask) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            AuthorRole role = m.direction() == Direction.IN && m.authorRole() == null ? AuthorRole.RESIDENT : m.authorRole();
            List<Spoken> spoken = m.transcript() == null ? List.of() : m.transcript().stream()
                    .map(l -> new Spoken(WorkbenchLabels.author(l.speaker()), WorkbenchLabels.time(l.at()), mask.apply(l.text())))
                    .toList();
            out.add(new Line(i, m.id(), WorkbenchLabels.author(role), role == null ? "" : role.name().toLowerCase(Locale.ROOT),
                    WorkbenchLabels.channel(m.channel()), WorkbenchLabels.time(m.at()), WorkbenchLabels.dateTime(m.at()),
                    mask.apply(m.text()), m.deliveryStatus() == null ? null : m.deliveryStatus().name(),
                    WorkbenchLabels.delivery(m.deliveryStatus()), spoken));
        }
        return out;
    }

    private static Contact contact(ContactSummary s) {
        return new Contact(s.reference(), WorkbenchLabels.date(s.startedAt()),
                String.join(", ", s.channels().stream().map(WorkbenchLabels::channel).toList()),
                s.relay() == null ? null : WorkbenchLabels.relay(s.relay()), topicAndSubject(s),
                WorkbenchLabels.outcome(s.outcome()), WorkbenchLabels.state(s.state()));
    }

    /** The topic, and the subject when there is one (a form's subject, "Reactie op campagne: …"). */
    private static String topicAndSubject(ContactSummary s) {
        String topic = s.topic() == null ? "Onbekend" : s.topic();
        return s.subject() == null || s.subject().isBlank() ? topic : topic + " – " + s.subject();
    }

    private String statusLabel(HandoffTask t, String me) {
        return switch (t.status()) {
            case WAITING -> t.callbackAt() != null
                    ? WorkbenchLabels.callback(t.callbackAt(), t.relay(), OffsetDateTime.now(clock)) : "Wacht";
            case CLAIMED -> t.claimedBy(me) ? "Opgepakt door u" : "Opgepakt door " + t.claimedBy();
            case CLOSED -> "Afgesloten";
        };
    }

    private static boolean isSupervisor(Authentication agent) {
        return QueueAccess.isSupervisor(agent);
    }
}
