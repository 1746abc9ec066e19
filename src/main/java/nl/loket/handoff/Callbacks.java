package nl.loket.handoff;

import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.contact.OpenChoices;
import nl.loket.platform.Broadcast;
import nl.loket.platform.Prompts;
import nl.loket.platform.ProblemException;
import nl.loket.platform.privacy.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Call-backs at a time the resident picks. The agent holding a task proposes the next free slots of the task's team
 * ({@link #propose}); they go to the resident on their own channel as a numbered list without links (a phone resident
 * gets them by SMS or e-mail). The resident answers with a number, in the chat, by SMS or by e-mail: the contact module
 * asks {@link #answer} before anything else answers the message. A valid pick plans the call-back: the task waits in
 * its team's queue and is offered or handed out from that time on ({@link #queueDueCallbacks}). The agent then records
 * the outcome ({@link #reached}, {@link #notReached}): not reached is tried once more a slot later; the second time the
 * resident is told in writing that we tried, and the task closes.
 */
@Service
public class Callbacks implements OpenChoices {

    private static final Logger log = LoggerFactory.getLogger(Callbacks.class);

    /** Opening hours are Dutch wall-clock times, whatever the server's zone. */
    static final ZoneId MUNICIPALITY = ZoneId.of("Europe/Amsterdam");

    /**
     * Words around a number that still make the message a pick: "ik kies 2", "optie 2 graag", "kenmerk LK-ABC-DEF: 2"
     * (the contact form asks for the reference). Any other word makes it a message for the agent.
     */
    private static final Set<String> PICK_WORDS = Set.of("ik", "kies", "neem", "graag", "doe", "maar",
            "dan", "optie", "nummer", "nr", "keuze", "tijd", "kenmerk", "mijn", "is", "de", "het", "i", "choose", "take",
            "number", "option", "please", "reference", "my");

    /** Problem titles, so the workbench can say in Dutch what went wrong. */
    public static final String NO_FREE_SLOTS = "No free call-back slots";
    public static final String NOTHING_PLANNED = "No call-back planned";

    /** Who a note of the resident's own pick is by. */
    static final String RESIDENT = "inwoner";

    /** Who a note of the times the assistant offered is by. */
    static final String ASSISTANT = "assistent";

    private final TaskStore tasks;
    private final CallbackStore store;
    private final CallbackProperties properties;
    private final TeamProperties teams;
    private final ContactService contacts;
    private final ReplyDelivery delivery;
    private final HandoffService handoff;
    private final Prompts prompts;
    private final Broadcast broadcast;
    private final TeamRouting routing;
    private final Clock clock;

    Callbacks(TaskStore tasks, CallbackStore store, CallbackProperties properties, TeamProperties teams,
              ContactService contacts, ReplyDelivery delivery, HandoffService handoff, Prompts prompts,
              Broadcast broadcast, TeamRouting routing, Clock clock) {
        this.routing = routing;
        this.tasks = tasks;
        this.store = store;
        this.properties = properties;
        this.teams = teams;
        this.contacts = contacts;
        this.delivery = delivery;
        this.handoff = handoff;
        this.prompts = prompts;
        this.broadcast = broadcast;
        this.clock = clock;
    }

    /** The slots the task's team could still plan a call-back in, from the lead time on. */
    public List<OffsetDateTime> freeSlots(HandoffTask task) {
        return free(teamOf(task), ZonedDateTime.now(clock).plus(properties.leadTime()), properties.slotsOffered());
    }

    /**
     * The assistant's reply when a resident who asked to be called back is handed to a person: the free slots of the
     * team the task will go to, to pick by number ({@code prompts/callback-offer}). Empty when Loket has no phone
     * number to call (the resident's own, or one in this message) or the team has no free slot. The times are kept as
     * the conversation's open proposal before the task exists; {@link #linkAssistantOffer} ties them to the task and to
     * the reply that lists them.
     */
    public Optional<String> offerWithHandoff(Conversation conversation, Message message, String language) {
        return offerWithHandoff(conversation, message, language, EscalationReason.HUMAN_REQUESTED);
    }

    /**
     * {@link #offerWithHandoff(Conversation, Message, String)} for a resident who asked to be called back in a message
     * that goes to a person for another reason (their own case, a complaint, several matters at once): the times of the
     * team that reason goes to, in words that follow the reason's own reply ({@code prompts/callback-times}).
     */
    public Optional<String> offerWithHandoff(Conversation conversation, Message message, String language,
                                             EscalationReason reason) {
        if (!hasPhoneNumber(conversation, message)) {
            return Optional.empty();
        }
        // The same team the task will open in (HandoffService.open), so a pick books a slot of the team that calls.
        String team = routing.teamFor(reason, HandoffSummary.suggestions(conversation),
                conversation.language(), conversation.relay());
        List<OffsetDateTime> slots = free(team, ZonedDateTime.now(clock).plus(properties.leadTime()), properties.slotsOffered());
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        store.saveOffer(conversation.id(), new CallbackStore.CallbackOffer(null, null, slots, language),
                properties.offerValidFor());
        String prompt = reason == EscalationReason.HUMAN_REQUESTED ? "callback-offer" : "callback-times";
        return Optional.of(prompts.text(prompt, language, Map.of("slots", numbered(slots, language),
                "reference", conversation.reference())));
    }

    /**
     * Ties the assistant's offer of this conversation to its new task and to the reply that lists the times (the
     * first assistant message after the resident's), notes it on the task, and sends it by SMS (else e-mail) to a
     * phone resident, who cannot read the reply otherwise. Does nothing when there is no such offer, or it is tied
     * already (the event may come twice).
     */
    void linkAssistantOffer(HandoffTask task, String residentMessageId) {
        Optional<CallbackStore.CallbackOffer> offer = store.offer(task.conversationId()).filter(o -> o.taskId() == null);
        if (offer.isEmpty()) {
            return;
        }
        Optional<Message> reply = replyTo(task.conversationId(), residentMessageId);
        List<OffsetDateTime> slots = offer.get().slots();
        store.saveOffer(task.conversationId(), new CallbackStore.CallbackOffer(task.id(), reply.map(Message::id).orElse(null),
                slots, offer.get().language()), properties.offerValidFor());
        HandoffTask noted = tasks.update(task.id(), t -> t.withNote(new HandoffNote(ASSISTANT, OffsetDateTime.now(clock),
                HandoffNote.Kind.CALLBACK, null, "Tijden voorgesteld door de assistent: "
                + numbered(slots, "nl").replace("\n", "; "))), TaskStore.Transition.none());
        if (task.channel() == Channel.PHONE && reply.isPresent()) {
            delivery.dispatchInWriting(noted, reply.get());
        }
        log.info("Call-back times offered by the assistant on task {}: {}", task.id(), slots.size());
        changed(task.id());
    }

    private Optional<Message> replyTo(String conversationId, String residentMessageId) {
        boolean after = false;
        for (Message m : contacts.messages(conversationId)) {
            if (after && m.authorRole() == AuthorRole.ASSISTANT) {
                return Optional.of(m);
            }
            after = after || m.id().equals(residentMessageId);
        }
        return Optional.empty();
    }

    private boolean hasPhoneNumber(Conversation conversation, Message message) {
        String redacted = message.redactedText();
        if (redacted != null && redacted.contains(Finding.Kind.PHONE.replacement())) {
            return true;
        }
        return contacts.resident(conversation.residentId()).stream()
                .flatMap(r -> r.identities().stream()).anyMatch(i -> i.kind() == Identity.Kind.PHONE);
    }

    /**
     * Sends the resident the next free slots to pick from, by number. Only the agent holding the task (or a supervisor)
     * may; a new proposal replaces an earlier one.
     */
    public List<OffsetDateTime> propose(String taskId, String agent, boolean supervisor) {
        HandoffTask task = handoff.task(taskId);
        mayChange(task, agent, supervisor);
        List<OffsetDateTime> slots = freeSlots(task);
        if (slots.isEmpty()) {
            throw new NoFreeCallbackSlotsException();
        }
        String language = language(task);
        HandoffTask noted = tasks.update(taskId, t -> t.withNote(new HandoffNote(agent, OffsetDateTime.now(clock),
                HandoffNote.Kind.CALLBACK, null, "Tijden voorgesteld: " + numbered(slots, "nl").replace("\n", "; "))),
                TaskStore.Transition.none());
        // A form resident gets it by e-mail and cannot answer by number: a link to pick on a page instead.
        String text = task.channel() == Channel.WEBFORM
                ? prompts.text("callback-slots-link", language, Map.of("slots", numbered(slots, language),
                        "reference", task.reference(), "link", pickLink(task.conversationId())))
                : prompts.text("callback-slots", language, Map.of("slots", numbered(slots, language),
                        "reference", task.reference()));
        Message sent = contacts.appendAgentMessage(task.conversationId(), text);
        store.saveOffer(task.conversationId(), new CallbackStore.CallbackOffer(task.id(), sent.id(), slots),
                properties.offerValidFor());
        delivery.dispatchInWriting(noted, sent);
        log.info("Call-back times proposed on task {} by {}: {}", taskId, agent, slots.size());
        changed(taskId);
        return slots;
    }

    /** A new unguessable link to the conversation's proposal, valid as long as the proposal. */
    private String pickLink(String conversationId) {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        store.saveLink(token, conversationId, properties.offerValidFor());
        String base = properties.publicBaseUrl().endsWith("/")
                ? properties.publicBaseUrl().substring(0, properties.publicBaseUrl().length() - 1) : properties.publicBaseUrl();
        return base + "/terugbellen/" + token;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** The resident's message picks one of the proposed times, picks a number that is not there, or is no pick. */
    @Override
    public Optional<Answer> answer(Conversation conversation, Message message) {
        Optional<CallbackStore.CallbackOffer> offer = store.offer(conversation.id());
        if (offer.isEmpty() || message.text() == null) {
            return Optional.empty();
        }
        Optional<HandoffTask> task = taskOf(offer.get(), conversation.id()).filter(t -> t.status() != TaskStatus.CLOSED);
        OptionalInt pick = task.isEmpty() ? OptionalInt.empty()
                : pickedNumber(message.text(), task.get().reference());
        if (pick.isEmpty()) {
            return Optional.empty();
        }
        return pick(conversation.id(), offer.get(), task.get(), pick.getAsInt());
    }

    /** Books the picked time of the offer, or says why not (not on the list, full meanwhile); empty: task closed. */
    private Optional<Answer> pick(String conversationId, CallbackStore.CallbackOffer offer, HandoffTask task, int number) {
        String language = language(offer, task);
        List<OffsetDateTime> slots = offer.slots();
        if (number < 1 || number > slots.size()) {
            return Optional.of(new Answer(prompts.text("callback-invalid", language, Map.of("slots", numbered(slots, language))),
                    false));
        }
        OffsetDateTime slot = slots.get(number - 1);
        if (!slot.toInstant().isAfter(clock.instant()) || !store.book(teamOf(task), slot.toInstant(), properties.capacityPerSlot())) {
            List<OffsetDateTime> fresh = freeSlots(task);
            store.saveOffer(conversationId, new CallbackStore.CallbackOffer(task.id(), null, fresh,
                    offer.language()), properties.offerValidFor());
            return Optional.of(new Answer(prompts.text("callback-full", language, Map.of("slots", numbered(fresh, language))),
                    false));
        }
        if (plan(task.id(), slot, false, RESIDENT, "Gekozen: " + label(slot, "nl")).status() == TaskStatus.CLOSED) {
            return Optional.empty(); // closed by the agent meanwhile: an ordinary message for the record
        }
        store.removeOffer(conversationId);
        log.info("Call-back on task {} planned by the resident at {}", task.id(), slot);
        return Optional.of(new Answer(prompts.text("callback-planned", language,
                Map.of("time", label(slot, language), "reference", task.reference())), true));
    }

    /** The times an e-mail resident can pick from on the page their link opens; empty when the link is no longer valid. */
    public Optional<LinkChoice> linkChoice(String token) {
        return linkedOffer(token).map(linked -> new LinkChoice(linked.task().reference(),
                language(linked.offer(), linked.task()), linked.offer().slots().stream()
                        .map(slot -> label(slot, language(linked.offer(), linked.task()))).toList()));
    }

    /** The proposal's times a link shows: in the resident's language, first = number 1. */
    public record LinkChoice(String reference, String language, List<String> times) { }

    /**
     * The e-mail resident picks time {@code number} on the page their link opens: the same booking as a pick by SMS or
     * chat, and what to tell them. Empty when the link is no longer valid or the task closed meanwhile.
     */
    public Optional<Answer> pickByLink(String token, int number) {
        return linkedOffer(token).flatMap(linked -> pick(linked.conversationId(), linked.offer(), linked.task(), number));
    }

    private record Linked(String conversationId, CallbackStore.CallbackOffer offer, HandoffTask task) { }

    private Optional<Linked> linkedOffer(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
            return Optional.empty();
        }
        return store.conversationOfLink(token).flatMap(conversationId -> store.offer(conversationId)
                .flatMap(offer -> taskOf(offer, conversationId).filter(t -> t.status() != TaskStatus.CLOSED)
                        .map(task -> new Linked(conversationId, offer, task))));
    }

    /** The proposed times still open in this conversation, for the chat page's buttons. */
    @Override
    public Optional<Choice> open(String conversationId) {
        return store.offer(conversationId).filter(o -> o.messageId() != null)
                .flatMap(o -> taskOf(o, conversationId).filter(t -> t.status() != TaskStatus.CLOSED).map(t -> {
                    String language = language(o, t);
                    return new Choice(o.messageId(), o.slots().stream().map(s -> label(s, language)).toList());
                }));
    }

    /** The one number a message picks ("2", "ik kies 2", "LK-ABC-DEF 2"), or empty when it says more than that. */
    static OptionalInt pickedNumber(String text, String reference) {
        String words = text.toLowerCase(Locale.ROOT);
        if (reference != null) {
            words = words.replace(reference.toLowerCase(Locale.ROOT), " ");
        }
        String number = null;
        for (String word : words.split("[^\\p{L}0-9]+")) {
            if (word.isEmpty() || PICK_WORDS.contains(word)) {
                continue;
            }
            if (number != null || !word.matches("\\d{1,2}")) {
                return OptionalInt.empty();
            }
            number = word;
        }
        return number == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(number));
    }

    /** The resident was reached: the task closes as a call-back done. */
    public HandoffTask reached(String taskId, String agent, boolean supervisor) {
        HandoffTask task = plannedCallback(taskId, agent, supervisor);
        tasks.update(task.id(), t -> t.withNote(new HandoffNote(agent, OffsetDateTime.now(clock), HandoffNote.Kind.CALLBACK,
                null, "Teruggebeld: bereikt")), TaskStore.Transition.none());
        return handoff.close(taskId, agent, "CALLBACK_DONE", supervisor);
    }

    /**
     * The resident was not reached. The first time the call-back is planned once more, in the first free slot at
     * least {@code retry-after} later; the second time (or when no slot is free) the resident is told in writing that we
     * tried, and the task closes as no response.
     */
    public HandoffTask notReached(String taskId, String agent, boolean supervisor) {
        HandoffTask task = plannedCallback(taskId, agent, supervisor);
        if (task.callbackMisses() == 0) {
            ZonedDateTime after = ZonedDateTime.ofInstant(task.callbackAt().toInstant(), MUNICIPALITY).plus(properties.retryAfter());
            ZonedDateTime now = ZonedDateTime.now(clock);
            for (OffsetDateTime retry : free(teamOf(task), after.isAfter(now) ? after : now, properties.slotsOffered())) {
                if (store.book(teamOf(task), retry.toInstant(), properties.capacityPerSlot())) {
                    HandoffTask planned = plan(taskId, retry, true, agent, "Niet bereikt. Nog een keer om " + label(retry, "nl"));
                    contacts.requeue(planned.conversationId());
                    log.info("Call-back on task {} not reached; once more at {}", taskId, retry);
                    return planned;
                }
            }
        }
        HandoffTask noted = tasks.update(taskId, t -> t.withNote(new HandoffNote(agent, OffsetDateTime.now(clock),
                HandoffNote.Kind.CALLBACK, null, "Niet bereikt. Bericht gestuurd dat wij hebben gebeld")), TaskStore.Transition.none());
        Message told = contacts.appendAgentMessage(task.conversationId(), prompts.text("callback-not-reached", language(task),
                Map.of("reference", task.reference())));
        delivery.dispatchInWriting(noted, told);
        log.info("Call-back on task {} not reached {} times; resident told in writing", taskId, task.callbackMisses() + 1);
        return handoff.close(taskId, agent, "NO_RESPONSE", supervisor);
    }

    /** Puts planned call-backs whose time has come in their queue's stream and tells every workbench. */
    @Scheduled(fixedDelayString = "${loket.callbacks.due-check-interval:5s}", initialDelayString = "${loket.callbacks.due-check-interval:5s}")
    void queueDueCallbacks() {
        for (String taskId : store.takeDue(clock.instant())) {
            try {
                tasks.find(taskId).filter(t -> t.status() == TaskStatus.WAITING).ifPresent(tasks::queueDue);
                changed(taskId);
            } catch (RuntimeException e) {
                store.dueAt(taskId, clock.instant()); // the next pass tries again
                log.warn("Could not queue due call-back of task {}: {}", taskId, e.toString());
            }
        }
    }

    private HandoffTask plan(String taskId, OffsetDateTime at, boolean missed, String by, String note) {
        // A task closed meanwhile stays closed: planning must never put it back in a queue.
        HandoffTask planned = tasks.update(taskId, t -> t.status() == TaskStatus.CLOSED ? t : t.callbackPlanned(at, missed,
                new HandoffNote(by, OffsetDateTime.now(clock), HandoffNote.Kind.CALLBACK, null, note)),
                TaskStore.Transition.callbackPlanned());
        if (planned.status() == TaskStatus.CLOSED) {
            return planned;
        }
        store.dueAt(taskId, at.toInstant());
        changed(taskId);
        return planned;
    }

    private HandoffTask plannedCallback(String taskId, String agent, boolean supervisor) {
        HandoffTask task = handoff.task(taskId);
        mayChange(task, agent, supervisor);
        if (task.callbackAt() == null) {
            throw new NoCallbackPlannedException();
        }
        return task;
    }

    /** The offer's task; the conversation's when the assistant's offer is not tied to its task yet. */
    private Optional<HandoffTask> taskOf(CallbackStore.CallbackOffer offer, String conversationId) {
        return offer.taskId() != null ? tasks.find(offer.taskId()) : tasks.ofConversation(conversationId);
    }

    private static String language(CallbackStore.CallbackOffer offer, HandoffTask task) {
        return offer.language() != null ? ("en".equals(offer.language()) ? "en" : "nl") : language(task);
    }

    private List<OffsetDateTime> free(String team, ZonedDateTime from, int count) {
        OpeningHours hours = teams.team(team).map(TeamProperties.Team::openingHours).filter(h -> !h.isEmpty())
                .map(h -> OpeningHours.parse("loket.teams[" + team + "].opening-hours", h))
                .orElseGet(properties::hours);
        return new CallbackSlots(hours, properties.slotLength(), MUNICIPALITY, properties.horizon(),
                properties.closed())
                .free(from, count, properties.capacityPerSlot(), slot -> store.booked(team, slot.toInstant()))
                .stream().map(ZonedDateTime::toOffsetDateTime).toList();
    }

    private static String teamOf(HandoffTask task) {
        return task.team() != null ? task.team() : task.queue();
    }

    private static String language(HandoffTask task) {
        return "en".equals(task.language()) ? "en" : "nl";
    }

    private static void mayChange(HandoffTask task, String agent, boolean supervisor) {
        if (task.status() == TaskStatus.CLOSED) {
            throw new TaskClosedException();
        }
        if (!task.claimedBy(agent) && !supervisor) {
            throw new TaskNotClaimedByYouException();
        }
    }

    /** "1. dinsdag 8 december om 10:30", one a line: a reply by number works on every channel, without links. */
    static String numbered(List<OffsetDateTime> slots, String language) {
        return IntStream.range(0, slots.size()).mapToObj(i -> (i + 1) + ". " + label(slots.get(i), language))
                .collect(Collectors.joining("\n"));
    }

    static String label(OffsetDateTime slot, String language) {
        ZonedDateTime local = slot.atZoneSameInstant(MUNICIPALITY);
        return "en".equals(language) ? EN.format(local) : NL.format(local);
    }

    private static final DateTimeFormatter NL = DateTimeFormatter.ofPattern("EEEE d MMMM 'om' HH:mm", Locale.forLanguageTag("nl-NL"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.forLanguageTag("en-GB"));

    private void changed(String taskId) {
        broadcast.publish(HandoffService.TASKS_TOPIC, taskId);
    }

    /** The team has no free slot within the horizon. */
    static class NoFreeCallbackSlotsException extends ProblemException {
        NoFreeCallbackSlotsException() {
            super(409, NO_FREE_SLOTS, null, "The team has no free call-back slot within the horizon.");
        }
    }

    /** An outcome was recorded for a task without a planned call-back. */
    static class NoCallbackPlannedException extends ProblemException {
        NoCallbackPlannedException() {
            super(409, NOTHING_PLANNED, null, "This task has no planned call-back to record an outcome for.");
        }
    }
}
