package nl.loket.handoff;

import nl.loket.contact.AgentTyping;
import nl.loket.contact.Resolution;
import nl.loket.contact.ContactService;
import nl.loket.contact.DeliveryStatus;
import nl.loket.contact.ContactSummary;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationEscalated;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Message;
import nl.loket.contact.Priority;
import nl.loket.contact.Reply;
import nl.loket.contact.RetentionProperties;
import nl.loket.platform.Broadcast;
import nl.loket.platform.Ids;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.loket.platform.reactions.Reactions;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hand-off module's facade, for the agent API and the workbench pages: list and read tasks, claim
 * (one agent wins), reply through the resident's channel, release, close. The conversation's state
 * follows the task: claimed → WITH_AGENT, released → WAITING, closed → CLOSED.
 */
@Service
public class HandoffService {

    private static final Logger log = LoggerFactory.getLogger(HandoffService.class);

    private final TaskStore tasks;
    private final ContactService contacts;
    private final HandoffSummary summaries;
    private final ReplyDelivery delivery;
    private final HandoffProperties properties;
    private final RetentionProperties retention;
    private final Clock clock;
    private final Reactions events;
    private final TeamRouting routing;
    private final Prompts prompts;
    private final Broadcast broadcast;
    private final AgentTyping typing;

    HandoffService(TaskStore tasks, ContactService contacts, HandoffSummary summaries, ReplyDelivery delivery,
                   HandoffProperties properties, RetentionProperties retention, Clock clock,
                   Reactions events, TeamRouting routing, Prompts prompts, Broadcast broadcast, AgentTyping typing) {
        this.typing = typing;
        this.broadcast = broadcast;
        this.routing = routing;
        this.prompts = prompts;
        this.tasks = tasks;
        this.contacts = contacts;
        this.summaries = summaries;
        this.delivery = delivery;
        this.properties = properties;
        this.retention = retention;
        this.clock = clock;
        this.events = events;
    }

    /** Opens the task of an escalated conversation; a second escalation of the same conversation returns the first task. */
    HandoffTask open(ConversationEscalated event) {
        Optional<HandoffTask> existing = tasks.ofConversation(event.conversationId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Conversation conversation = contacts.conversation(event.conversationId())
                .orElseThrow(() -> new IllegalStateException("escalated conversation is gone"));
        List<Message> messages = contacts.messages(conversation.id());
        Reply.Escalation escalation = event.escalation();
        EscalationReason reason = escalation != null && escalation.reason() != null ? escalation.reason() : EscalationReason.NO_ANSWER;
        Priority priority = escalation != null && escalation.priority() != null ? escalation.priority() : reason.defaultPriority();
        List<String> suggestions = HandoffSummary.suggestions(conversation);
        String team = routing.teamFor(reason, suggestions, conversation.language(), conversation.relay());
        HandoffTask task = new HandoffTask(Ids.newId(), conversation.id(), conversation.reference(), event.residentId(),
                conversation.channel(), conversation.relay(), conversation.language(), reason, priority,
                priority == Priority.URGENT ? properties.urgentQueue() : team, team, TaskStatus.WAITING,
                summaries.summarize(conversation, messages, reason), suggestions,
                OffsetDateTime.now(clock), null, null, null, null, null, false, List.of(), null, 0);
        HandoffTask stored = tasks.create(task);
        log.info("Hand-off task {} for conversation {}: {} {}, team {}", stored.id(), stored.conversationId(), priority,
                reason, stored.team());
        changed(stored.id());
        return stored;
    }

    /** Open tasks with one of these statuses (WAITING, CLAIMED), most urgent first, then oldest first. */
    public List<HandoffTask> tasks(Set<TaskStatus> statuses) {
        return tasks.open().stream()
                .filter(t -> statuses.contains(t.status()))
                .sorted(Comparator.comparing(HandoffTask::priority).thenComparing(HandoffTask::createdAt))
                .toList();
    }

    public HandoffTask task(String taskId) {
        return tasks.find(taskId).orElseThrow(TaskNotFoundException::new);
    }

    public Optional<HandoffTask> taskOfConversation(String conversationId) {
        return tasks.ofConversation(conversationId);
    }

    /** The task with its whole context. Reading counts as activity of the agent who holds it. */
    public HandoffCase caseOf(String taskId, String reader) {
        HandoffTask task = task(taskId);
        if (task.claimedBy(reader)) {
            tasks.extendClaim(task.id(), deadline());
        }
        Conversation conversation = contacts.conversation(task.conversationId())
                .orElseThrow(TaskNotFoundException::new);
        List<ContactSummary> history = contacts.history(task.residentId()).stream()
                .filter(c -> !c.conversationId().equals(task.conversationId()))
                .toList();
        return new HandoffCase(task, conversation, contacts.resident(task.residentId()).orElse(null),
                contacts.messages(task.conversationId()), history, contacts.possibleMatches(task.residentId()));
    }

    /**
     * Moves the open task of a conversation to the front: priority URGENT, the urgent queue. A waiting
     * task also joins the urgent stream (its old entry is skipped once the task is claimed); a claimed
     * task stays with its agent, who now sees it as urgent.
     */
    public Optional<HandoffTask> raiseToUrgent(String conversationId) {
        return taskOfConversation(conversationId)
                .filter(task -> task.status() != TaskStatus.CLOSED)
                .map(task -> tasks.update(task.id(), current -> current.priority() == Priority.URGENT
                                || current.status() == TaskStatus.CLOSED ? current : current.urgent(properties.urgentQueue()),
                        task.status() == TaskStatus.WAITING ? TaskStore.Transition.queueAgain() : TaskStore.Transition.none()))
                .map(raised -> {
                    changed(raised.id());
                    return raised;
                });
    }

    /** Claims one task; exactly one of several agents at once gets it, the others a 409. Claiming your own again is fine. */
    public HandoffTask claim(String taskId, String agent) {
        boolean[] taken = {false};
        HandoffTask claimed = tasks.update(taskId, task -> {
            taken[0] = false;
            if (task.claimedBy(agent)) {
                return task;
            }
            if (task.status() == TaskStatus.CLOSED) {
                throw new TaskClosedException();
            }
            if (task.status() != TaskStatus.WAITING) {
                throw new TaskAlreadyClaimedException();
            }
            taken[0] = true;
            return task.claimed(agent, OffsetDateTime.now(clock));
        }, TaskStore.Transition.claim(deadline()));
        contacts.assign(claimed.conversationId());
        if (taken[0] && claimed.claimedBy(agent)) {
            events.publish(new TaskClaimed(claimed.id(), claimed.conversationId(), claimed.channel(),
                    claimed.relay(), claimed.createdAt(), claimed.claimedAt()));
        }
        changed(claimed.id());
        return claimed;
    }

    /** Claims the most urgent waiting task (URGENT, then HIGH, then NORMAL; oldest first), if there is one. */
    public Optional<HandoffTask> claimNext(String agent) {
        for (Priority priority : Priority.values()) {
            Optional<TaskStore.QueueEntry> entry;
            while ((entry = tasks.nextEntry(priority, agent)).isPresent()) {
                Optional<HandoffTask> claimed = Optional.empty();
                if (tasks.find(entry.get().taskId()).filter(t -> !t.dueAt(clock.instant())).isPresent()) {
                    // Its call-back is later: the entry goes; the task joins the stream again when it is due.
                    tasks.done(entry.get());
                    continue;
                }
                try {
                    claimed = Optional.of(claim(entry.get().taskId(), agent));
                } catch (TaskAlreadyClaimedException | TaskClosedException | TaskNotFoundException e) {
                    // Someone claimed it by id, or it was closed: this entry has nothing left to hand out.
                }
                tasks.done(entry.get());
                if (claimed.isPresent()) {
                    return claimed;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Claims the most urgent waiting task of one of these queues (empty: any queue, as {@link #claimNext(String)}).
     * Walks the open tasks rather than the priority streams, so entries of other queues stay for their agents;
     * the stream entry of a task claimed here is dropped later by whoever reads it (it finds the task claimed).
     */
    public Optional<HandoffTask> claimNext(String agent, Set<String> queues) {
        if (queues == null || queues.isEmpty()) {
            return claimNext(agent);
        }
        for (HandoffTask task : tasks(Set.of(TaskStatus.WAITING))) {
            if (!queues.contains(task.queue()) || !task.dueAt(clock.instant())) {
                continue;
            }
            try {
                return Optional.of(claim(task.id(), agent));
            } catch (TaskAlreadyClaimedException | TaskClosedException | TaskNotFoundException e) {
                // Taken or closed meanwhile: try the next one.
            }
        }
        return Optional.empty();
    }

    /**
     * Claims the most urgent waiting task of these queues (empty: any queue) that the agent may take ({@code mayTake},
     * e.g. room on its channel); within a priority the ones {@code preferred} (e.g. the agent's skills) first, then the
     * oldest. Walks the open tasks like {@link #claimNext(String, Set)}.
     */
    public Optional<HandoffTask> claimNext(String agent, Set<String> queues, java.util.function.Predicate<HandoffTask> mayTake,
                                           java.util.function.Predicate<HandoffTask> preferred) {
        List<HandoffTask> candidates = tasks(Set.of(TaskStatus.WAITING)).stream()
                .filter(t -> (queues.isEmpty() || queues.contains(t.queue())) && t.dueAt(clock.instant()) && mayTake.test(t))
                .sorted(Comparator.comparing(HandoffTask::priority).thenComparing(t -> !preferred.test(t))
                        .thenComparing(HandoffTask::createdAt))
                .toList();
        for (HandoffTask task : candidates) {
            try {
                return Optional.of(claim(task.id(), agent));
            } catch (TaskAlreadyClaimedException | TaskClosedException | TaskNotFoundException e) {
                // Taken or closed meanwhile: try the next one.
            }
        }
        return Optional.empty();
    }

    /** Stores the agent's reply on the conversation, then sends it through the resident's channel in the background. */
    public Message reply(String taskId, String agent, String text) {
        return reply(taskId, agent, text, null);
    }

    /**
     * Like {@link #reply(String, String, String)}, named by the agent's {@code idempotencyKey}: a resend of the same
     * text with the same key (the first try answered 503, e.g. no replica confirmed it in time) returns the reply the
     * first try stored and stores and sends nothing new; the first handling that gets past storing sends it, once.
     * Another text under the same key is another reply.
     */
    public Message reply(String taskId, String agent, String text, String idempotencyKey) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("text", "'text' is required.");
        }
        HandoffTask task = task(taskId);
        if (!task.claimedBy(agent)) {
            throw task.status() == TaskStatus.CLOSED ? new TaskClosedException() : new TaskNotClaimedByYouException();
        }
        String reply = text.strip();
        Message stored = contacts.appendAgentMessage(task.conversationId(), reply,
                idempotencyKey == null ? null : String.join("\n", "reply", taskId, agent, idempotencyKey, reply));
        if (stored.deliveryStatus() != DeliveryStatus.PENDING || !delivery.claimFirstSend(task, stored)) {
            return stored; // a resend of a reply that went out or is on its way
        }
        HandoffTask replied;
        try {
            typing.stopped(task.conversationId());
            replied = tasks.update(taskId, t -> t.firstReplyAt() != null ? t : t.replied(stored.at()),
                    TaskStore.Transition.none());
            tasks.extendClaim(taskId, deadline());
            events.publish(new AgentReplied(replied.id(), replied.conversationId(), replied.channel(), replied.relay(),
                    replied.createdAt(), stored.at(), stored.at().equals(replied.firstReplyAt())));
        } catch (RuntimeException e) {
            delivery.giveBackFirstSend(task, stored); // nothing sent yet: the agent's resend does all this again
            throw e;
        }
        delivery.dispatch(replied, stored);
        return stored;
    }

    /** Gives a claimed task back to the queue; a supervisor may release anyone's task. */
    public HandoffTask release(String taskId, String agent, boolean supervisor) {
        HandoffTask released = tasks.update(taskId, task -> {
            if (task.status() == TaskStatus.CLOSED) {
                throw new TaskClosedException();
            }
            if (task.status() == TaskStatus.WAITING) {
                return task;
            }
            if (!task.claimedBy(agent) && !supervisor) {
                throw new TaskNotClaimedByYouException();
            }
            return task.released();
        }, TaskStore.Transition.backToQueue());
        contacts.requeue(released.conversationId());
        changed(released.id());
        return released;
    }

    /** Closes a task you hold (a supervisor: any open task) with a resolution; the conversation closes with it. */
    public HandoffTask close(String taskId, String agent, String resolutionCode, boolean supervisor) {
        Resolution resolution = Resolution.byAgent(resolutionCode).orElseThrow(() -> new InvalidRequestException("resolution",
                "'resolution' must be one of ANSWERED, REFERRED, COMPLAINT_HANDLED_INFORMALLY, CALLBACK_DONE, NO_RESPONSE, OTHER."));
        HandoffTask closed = tasks.update(taskId, task -> {
            if (task.status() == TaskStatus.CLOSED) {
                throw new TaskClosedException();
            }
            if (!task.claimedBy(agent) && !supervisor) {
                throw new TaskNotClaimedByYouException();
            }
            return task.closed(resolution, OffsetDateTime.now(clock));
        }, TaskStore.Transition.close());
        contacts.close(closed.conversationId(), resolution);
        tasks.expireClosed(closed, Duration.ofDays(retention.conversationDays()));
        log.info("Hand-off task {} closed: {}", closed.id(), resolution);
        changed(closed.id());
        return closed;
    }

    /**
     * Hands a task to another team (it waits in that team's queue) or to a named colleague (who holds it from now
     * on), with an internal note that says why. Only the agent who holds the task, or a supervisor, may. The resident
     * is told on their own channel that a colleague takes over and that they need not repeat anything.
     *
     * @param toTeam  a team ({@code loket.teams[n].name} or the fallback queue), or null
     * @param toAgent a colleague's user name (checked by the caller, which knows the accounts), or null
     */
    public HandoffTask transfer(String taskId, String agent, String toTeam, String toAgent, String note, boolean supervisor) {
        String text = requiredNote(note);
        checkTarget(toTeam, toAgent);
        OffsetDateTime now = OffsetDateTime.now(clock);
        HandoffNote written = new HandoffNote(agent, now, HandoffNote.Kind.TRANSFER, toTeam != null ? toTeam : toAgent, text);
        HandoffTask moved = tasks.update(taskId, task -> {
            mayChange(task, agent, supervisor);
            return toTeam != null
                    ? task.transferredTo(toTeam, task.priority() == Priority.URGENT ? properties.urgentQueue() : toTeam, written)
                    : task.transferredToAgent(toAgent, now, written);
        }, toTeam != null ? TaskStore.Transition.backToQueue() : TaskStore.Transition.claim(deadline()));
        if (toTeam != null) {
            contacts.requeue(moved.conversationId());
        } else {
            contacts.assign(moved.conversationId());
        }
        tellResidentAColleagueTakesOver(moved);
        log.info("Hand-off task {} transferred by {} to {} {}", moved.id(), agent, toTeam != null ? "team" : "agent",
                toTeam != null ? toTeam : toAgent);
        changed(moved.id());
        return moved;
    }

    /**
     * Asks a colleague or a team a question about the case without handing it over: a CONSULT note. The one asked may
     * read the task while it is open and answers with a note; the task stays with its holder.
     */
    public HandoffNote consult(String taskId, String agent, String toTeam, String toAgent, String question, boolean supervisor) {
        String text = requiredNote(question);
        checkTarget(toTeam, toAgent);
        HandoffNote written = new HandoffNote(agent, OffsetDateTime.now(clock), HandoffNote.Kind.CONSULT,
                toTeam != null ? toTeam : toAgent, text);
        tasks.update(taskId, task -> {
            mayChange(task, agent, supervisor);
            return task.withNote(written);
        }, TaskStore.Transition.none());
        changed(taskId);
        return written;
    }

    /** Adds an internal note to an open task this agent may see; it is never sent to the resident. */
    public HandoffNote note(String taskId, String agent, String note) {
        HandoffNote written = new HandoffNote(agent, OffsetDateTime.now(clock), HandoffNote.Kind.NOTE, null, requiredNote(note));
        tasks.update(taskId, task -> {
            if (task.status() == TaskStatus.CLOSED) {
                throw new TaskClosedException();
            }
            return task.withNote(written);
        }, TaskStore.Transition.none());
        changed(taskId);
        return written;
    }

    /** A transfer or consult goes to exactly one of a team (that exists) or a colleague. */
    private void checkTarget(String toTeam, String toAgent) {
        if ((toTeam == null) == (toAgent == null)) {
            throw new InvalidRequestException("team", "Give either 'team' or 'agent', not both and not neither.");
        }
        if (toTeam != null && !routing.exists(toTeam)) {
            throw new InvalidRequestException("team", "'team' must be one of the configured teams.");
        }
    }

    private static String requiredNote(String note) {
        if (note == null || note.isBlank()) {
            throw new InvalidRequestException("note", "'note' is required: say in a sentence what the colleague needs to know.");
        }
        if (note.length() > HandoffNote.MAX_LENGTH) {
            throw new InvalidRequestException("note", "'note' may be at most " + HandoffNote.MAX_LENGTH + " characters.");
        }
        return note.strip();
    }

    private static void mayChange(HandoffTask task, String agent, boolean supervisor) {
        if (task.status() == TaskStatus.CLOSED) {
            throw new TaskClosedException();
        }
        if (!task.claimedBy(agent) && !supervisor) {
            throw new TaskNotClaimedByYouException();
        }
    }

    // The resident hears it in their own channel and language, in plain words; it is not the agent's first answer.
    private void tellResidentAColleagueTakesOver(HandoffTask task) {
        String language = "en".equals(task.language()) ? "en" : "nl";
        Message told = contacts.appendAgentMessage(task.conversationId(), prompts.text("transferred", language, java.util.Map.of()));
        delivery.dispatch(task, told);
    }

    /** Tells every instance's open workbenches that this task changed (they read it themselves). */
    private void changed(String taskId) {
        broadcast.publish(TASKS_TOPIC, taskId);
    }

    /** The broadcast topic of task changes: the notice is the task id. */
    public static final String TASKS_TOPIC = "tasks";

    private long deadline() {
        return clock.instant().plus(properties.claimTimeout()).toEpochMilli();
    }
}
