package nl.loket.agent;

import nl.loket.contact.ContactService;
import nl.loket.contact.ContactSummary;
import nl.loket.contact.DeliveryStatus;
import nl.loket.contact.Message;
import nl.loket.contact.PossibleMatch;
import nl.loket.handoff.HandoffCase;
import nl.loket.handoff.HandoffNote;
import nl.loket.handoff.Callbacks;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import nl.loket.platform.IdempotencyKey;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Json;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The agents' REST API (the API tables in README.md), HTTP Basic, roles AGENT or SUPERVISOR. Every read of a task
 * with its transcript is written to the audit log; BSN and IBAN are masked unless {@code reveal=true},
 * which is audited as a reveal.
 */
@RestController
@RequestMapping("/api/agent")
class AgentApi {

    record SentReply(String messageId, String conversationId, OffsetDateTime at, DeliveryStatus deliveryStatus) { }

    private final HandoffService handoff;
    private final ContactService contacts;
    private final AuditLog audit;
    private final TranscriptMasking masking;
    private final Json json;
    private final QueueAccess access;
    private final Colleagues colleagues;
    private final LiveUpdates live;
    private final TeamOverview teams;
    private final AgentStatuses statuses;
    private final Snippets snippets;
    private final AgentCapacity capacity;
    private final Offers offers;
    private final Callbacks callbacks;
    private final NextTask nextTask;

    AgentApi(HandoffService handoff, ContactService contacts, AuditLog audit, TranscriptMasking masking, Json json,
             QueueAccess access, Colleagues colleagues, LiveUpdates live, TeamOverview teams, AgentStatuses statuses,
             Snippets snippets, AgentCapacity capacity, Offers offers, Callbacks callbacks, NextTask nextTask) {
        this.nextTask = nextTask;
        this.callbacks = callbacks;
        this.offers = offers;
        this.snippets = snippets;
        this.capacity = capacity;
        this.statuses = statuses;
        this.teams = teams;
        this.colleagues = colleagues;
        this.live = live;
        this.handoff = handoff;
        this.contacts = contacts;
        this.audit = audit;
        this.masking = masking;
        this.json = json;
        this.access = access;
    }

    /** Open tasks, most urgent first, each with transcript, history and suggestions. Without status: waiting and claimed. */
    @GetMapping("/handoffs")
    List<TaskView> list(@RequestParam(required = false) String status,
                        @RequestParam(defaultValue = "false") boolean reveal, Authentication agent) {
        List<HandoffTask> tasks = access.visible(agent, handoff.tasks(statuses(status)));
        return tasks.stream().map(t -> read(t.id(), reveal, agent)).toList();
    }

    @GetMapping("/handoffs/{id}")
    TaskView one(@PathVariable String id, @RequestParam(defaultValue = "false") boolean reveal, Authentication agent) {
        return read(id, reveal, agent);
    }

    /**
     * Server-Sent Events for the logged-in agent: {@code task} when a task of their queues appears or changes,
     * {@code message} when the resident writes in a task they hold (ids and states only; read the task for the rest).
     */
    @GetMapping(value = "/stream", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter stream(Authentication agent) {
        return live.open(agent);
    }

    /** Claims the most urgent waiting task: 200 with it, or 204 when the queue is empty. */
    @PostMapping("/handoffs/next")
    ResponseEntity<TaskView> next(Authentication agent) {
        return nextTask.claimFor(agent)
                .map(t -> ResponseEntity.ok(TaskView.of(t)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/handoffs/{id}/claim")
    TaskView claim(@PathVariable String id, Authentication agent) {
        HandoffTask task = access.check(id, agent);
        if (!task.claimedBy(agent.getName())) {
            capacity.checkRoomFor(agent, task.channel());
        }
        return TaskView.of(handoff.claim(id, agent.getName()));
    }

    /**
     * Accepts the task offered to this agent: claimed through the same atomic claim as "Volgende taak". 409 when the
     * offer is not theirs or lapsed, when a colleague got the task first, or when they are at capacity.
     */
    @PostMapping("/handoffs/{id}/offer/accept")
    TaskView acceptOffer(@PathVariable String id, Authentication agent) {
        HandoffTask task = access.check(id, agent);
        HandoffTask claimed = offers.accept(id, agent);
        audit.record(agent.getName(), AuditLog.Action.OFFER_ACCEPTED, task.conversationId(), task.id(), task.residentId());
        return TaskView.of(claimed);
    }

    /** Declines the task offered to this agent: it goes to the next colleague, not back to them for a while. 204; 409 as above. */
    @PostMapping("/handoffs/{id}/offer/decline")
    ResponseEntity<Void> declineOffer(@PathVariable String id, Authentication agent) {
        HandoffTask task = access.check(id, agent);
        offers.decline(id, agent.getName());
        audit.record(agent.getName(), AuditLog.Action.OFFER_DECLINED, task.conversationId(), task.id(), task.residentId());
        return ResponseEntity.noContent().build();
    }

    /** The task offered to the logged-in agent now: 200 with its id, reference, team, priority and until; 204 when none. */
    @GetMapping("/offer")
    ResponseEntity<java.util.Map<String, Object>> offer(Authentication agent) {
        return offers.ofAgent(agent.getName()).flatMap(o -> {
            try {
                HandoffTask t = handoff.task(o.taskId());
                java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("id", t.id());
                body.put("reference", t.reference());
                body.put("team", t.team());
                body.put("priority", t.priority());
                body.put("until", java.time.Instant.ofEpochMilli(o.untilMillis()).toString());
                return java.util.Optional.of(ResponseEntity.ok(body));
            } catch (nl.loket.handoff.TaskNotFoundException e) {
                return java.util.Optional.empty();
            }
        }).orElseGet(() -> ResponseEntity.noContent().build());
    }

    /**
     * Stores the reply and answers 202: sending (with retries) happens in the background; the transcript shows the
     * outcome. With {@code Idempotency-Key}, a resend of the same text after a 503 answers 202 with the first reply
     * (its delivery status as it is now) and stores and sends nothing new.
     */
    @PostMapping("/handoffs/{id}/messages")
    ResponseEntity<SentReply> reply(@PathVariable String id, @RequestBody(required = false) String body,
                                    @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
                                    Authentication agent) {
        String key = IdempotencyKey.orNull(idempotencyKey, IdempotencyKey.HEADER);
        access.check(id, agent);
        JsonNode request = json.parseRequest(body);
        String text = request.path("text").asString("");
        Message stored = handoff.reply(id, agent.getName(), text, key);
        return ResponseEntity.accepted().body(new SentReply(stored.id(), stored.conversationId(), stored.at(),
                stored.deliveryStatus()));
    }

    @PostMapping("/handoffs/{id}/close")
    TaskView close(@PathVariable String id, @RequestBody(required = false) String body, Authentication agent) {
        access.check(id, agent);
        JsonNode request = json.parseRequest(body);
        return TaskView.of(handoff.close(id, agent.getName(), request.path("resolution").asString(null),
                isSupervisor(agent)));
    }

    @PostMapping("/handoffs/{id}/release")
    TaskView release(@PathVariable String id, Authentication agent) {
        access.check(id, agent);
        return TaskView.of(handoff.release(id, agent.getName(), isSupervisor(agent)));
    }

    /**
     * {@code {"team":"…","note":"…"}} or {@code {"agent":"…","note":"…"}}: hands the task to another team or a named
     * colleague with an internal note (required). 200 with the task as it is now.
     */
    @PostMapping("/handoffs/{id}/transfer")
    TaskView transfer(@PathVariable String id, @RequestBody(required = false) String body, Authentication agent) {
        HandoffTask task = access.check(id, agent);
        JsonNode request = json.parseRequest(body);
        Colleagues.Target to = colleagues.target(request.path("team").asString(null), request.path("agent").asString(null));
        HandoffTask moved = handoff.transfer(id, agent.getName(), to.team(), to.agent(), request.path("note").asString(null),
                isSupervisor(agent));
        audit.record(agent.getName(), AuditLog.Action.TRANSFER, task.conversationId(), task.id(), task.residentId());
        return TaskView.of(moved);
    }

    /**
     * {@code {"team":"…","question":"…"}} or {@code {"agent":"…","question":"…"}}: asks a colleague or team about the
     * case without handing it over; they may read the task and answer with a note. 201 with the CONSULT note.
     */
    @PostMapping("/handoffs/{id}/consult")
    ResponseEntity<HandoffNote> consult(@PathVariable String id, @RequestBody(required = false) String body, Authentication agent) {
        HandoffTask task = access.check(id, agent);
        JsonNode request = json.parseRequest(body);
        Colleagues.Target to = colleagues.target(request.path("team").asString(null), request.path("agent").asString(null));
        HandoffNote note = handoff.consult(id, agent.getName(), to.team(), to.agent(), request.path("question").asString(null),
                isSupervisor(agent));
        audit.record(agent.getName(), AuditLog.Action.CONSULT, task.conversationId(), task.id(), task.residentId());
        return ResponseEntity.status(201).body(note);
    }

    /** Call-back times as proposed or planned; {@code at} is Dutch time with its offset. */
    record ProposedSlots(List<OffsetDateTime> slots) { }

    /** The next free call-back slots of the task's team (what a proposal would send now). */
    @GetMapping("/handoffs/{id}/callback/slots")
    ProposedSlots callbackSlots(@PathVariable String id, Authentication agent) {
        return new ProposedSlots(callbacks.freeSlots(access.check(id, agent)));
    }

    /**
     * Sends the resident the next free call-back slots to reply to by number, on their own channel (a phone resident by
     * SMS or e-mail). 200 with the slots proposed; 409 not your task, or no free slot.
     */
    @PostMapping("/handoffs/{id}/callback/propose")
    ProposedSlots proposeCallback(@PathVariable String id, Authentication agent) {
        HandoffTask task = access.check(id, agent);
        List<OffsetDateTime> slots = callbacks.propose(id, agent.getName(), isSupervisor(agent));
        audit.record(agent.getName(), AuditLog.Action.CALLBACK_PROPOSED, task.conversationId(), task.id(), task.residentId());
        return new ProposedSlots(slots);
    }

    /**
     * {@code {"reached":true|false}}: the outcome of a planned call-back. Reached closes the task; not reached plans one
     * more call-back a slot later, the second time tells the resident in writing and closes the task. 200 the task.
     */
    @PostMapping("/handoffs/{id}/callback/outcome")
    TaskView callbackOutcome(@PathVariable String id, @RequestBody(required = false) String body, Authentication agent) {
        HandoffTask task = access.check(id, agent);
        JsonNode reached = json.parseRequest(body).path("reached");
        if (!reached.isBoolean()) {
            throw new InvalidRequestException("reached", "'reached' must be true or false.");
        }
        HandoffTask after = reached.asBoolean() ? callbacks.reached(id, agent.getName(), isSupervisor(agent))
                : callbacks.notReached(id, agent.getName(), isSupervisor(agent));
        audit.record(agent.getName(), reached.asBoolean() ? AuditLog.Action.CALLBACK_REACHED : AuditLog.Action.CALLBACK_NOT_REACHED,
                task.conversationId(), task.id(), task.residentId());
        return TaskView.of(after);
    }

    /** {@code {"text":"…"}}: an internal note on the task, for colleagues only. 201 with the note. */
    @PostMapping("/handoffs/{id}/notes")
    ResponseEntity<HandoffNote> note(@PathVariable String id, @RequestBody(required = false) String body, Authentication agent) {
        HandoffTask task = access.check(id, agent);
        HandoffNote note = handoff.note(id, agent.getName(), json.parseRequest(body).path("text").asString(null));
        audit.record(agent.getName(), AuditLog.Action.NOTE, task.conversationId(), task.id(), task.residentId());
        return ResponseEntity.status(201).body(note);
    }

    @GetMapping("/residents/{id}/contacts")
    List<ContactSummary> contacts(@PathVariable String id, Authentication agent) {
        List<ContactSummary> history = readableHistory(id, agent);
        audit.record(agent.getName(), AuditLog.Action.HISTORY, null, null, id);
        return history.stream().map(c -> c.withSubject(masking::mask)).toList();
    }

    record MatchDecision(String residentId, String otherResidentId, boolean samePerson) { }

    /** Residents who gave the same phone number or e-mail in a form: maybe the same person, for the agent to decide. */
    @GetMapping("/residents/{id}/possible-matches")
    List<PossibleMatch> possibleMatches(@PathVariable String id, Authentication agent) {
        readableHistory(id, agent);
        audit.record(agent.getName(), AuditLog.Action.HISTORY, null, null, id);
        return contacts.possibleMatches(id);
    }

    /** {@code {"samePerson": true|false}}: confirmed, the histories show together; rejected, never proposed again. */
    @PostMapping("/residents/{id}/possible-matches/{otherId}")
    MatchDecision decideMatch(@PathVariable String id, @PathVariable String otherId, @RequestBody(required = false) String body,
                              Authentication agent) {
        readableHistory(id, agent);
        JsonNode samePerson = json.parseRequest(body).path("samePerson");
        if (!samePerson.isBoolean()) {
            throw new InvalidRequestException("samePerson", "'samePerson' must be true or false.");
        }
        if (otherId.length() > 64 || !contacts.decideMatch(id, otherId, samePerson.booleanValue())) {
            throw new ResidentNotFoundException();
        }
        audit.record(agent.getName(), samePerson.booleanValue() ? AuditLog.Action.MATCH_CONFIRMED
                : AuditLog.Action.MATCH_REJECTED, null, null, id + "=" + otherId);
        return new MatchDecision(id, otherId, samePerson.booleanValue());
    }

    private List<ContactSummary> readableHistory(String residentId, Authentication agent) {
        if (residentId.length() > 64 || contacts.resident(residentId).isEmpty()) {
            throw new ResidentNotFoundException();
        }
        List<ContactSummary> history = contacts.history(residentId);
        if (!access.mayReadHistory(agent, history)) {
            throw new ResidentNotFoundException(); // the same answer as for a resident who does not exist
        }
        return history;
    }

    /** The agent's own standard replies, then their teams'. */
    @GetMapping("/snippets")
    List<Snippets.Snippet> snippets(Authentication agent) {
        return snippets.of(agent.getName(), access.teamsOf(agent));
    }

    /** {@code {"title","text"}}: a standard reply of the agent's own; 201 with it. */
    @PostMapping("/snippets")
    ResponseEntity<Snippets.Snippet> addSnippet(@RequestBody(required = false) String body, Authentication agent) {
        JsonNode request = json.parseRequest(body);
        return ResponseEntity.status(201).body(snippets.add(agent.getName(), request.path("title").asString(null),
                request.path("text").asString(null)));
    }

    @DeleteMapping("/snippets/{snippetId}")
    ResponseEntity<Void> deleteSnippet(@PathVariable String snippetId, Authentication agent) {
        return snippetId.length() <= 64 && snippets.delete(agent.getName(), snippetId)
                ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** The standard replies with {kenmerk}, {medewerker} and {team} filled in for this task. */
    @GetMapping("/handoffs/{id}/snippets")
    List<Snippets.Snippet> snippetsForTask(@PathVariable String id, Authentication agent) {
        return snippets.forTask(agent.getName(), access.teamsOf(agent), access.check(id, agent));
    }

    /** The logged-in agent's own status. */
    @GetMapping("/status")
    AgentStatuses.AgentStatus status(Authentication agent) {
        return statuses.of(agent.getName());
    }

    /** {@code {"status":"AVAILABLE|BUSY|AWAY|OFFLINE"}}: the agent's own status, audited; 400 for anything else. */
    @PutMapping("/status")
    AgentStatuses.AgentStatus setStatus(@RequestBody(required = false) String body, Authentication agent) {
        String value = json.parseRequest(body).path("status").asString("");
        try {
            return statuses.set(agent.getName(), AgentStatuses.Status.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "'status' must be AVAILABLE, BUSY, AWAY or OFFLINE.");
        }
    }

    /** Supervisors only: every agent's status and since when. */
    @GetMapping("/agents")
    java.util.Collection<AgentStatuses.AgentStatus> agents() {
        return statuses.all().values();
    }

    /** Supervisors only: per team waiting by priority, in hand, the longest wait against the target, breaches. */
    @GetMapping("/teams")
    List<TeamOverview.TeamLine> teams() {
        return teams.now();
    }

    /** Supervisors only (see SecurityConfiguration): the newest audit entries first. */
    @GetMapping("/audit")
    List<AuditLog.Entry> audit(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "'limit' must be between 1 and 1000.");
        }
        return audit.latest(limit);
    }

    private TaskView read(String taskId, boolean reveal, Authentication agent) {
        access.check(taskId, agent);
        HandoffCase c = handoff.caseOf(taskId, agent.getName());
        audit.record(agent.getName(), reveal ? AuditLog.Action.REVEAL : AuditLog.Action.VIEW,
                c.task().conversationId(), c.task().id(), c.task().residentId());
        UnaryOperator<String> mask = reveal ? UnaryOperator.identity() : masking::mask;
        return TaskView.of(c, mask);
    }

    private static Set<TaskStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return EnumSet.of(TaskStatus.WAITING, TaskStatus.CLAIMED);
        }
        try {
            TaskStatus parsed = TaskStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            if (parsed == TaskStatus.CLOSED) {
                throw new IllegalArgumentException();
            }
            return EnumSet.of(parsed);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "'status' must be WAITING or CLAIMED.");
        }
    }

    private static boolean isSupervisor(Authentication agent) {
        return QueueAccess.isSupervisor(agent);
    }
}
