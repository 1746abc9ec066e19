package nl.loket.agent;

import nl.loket.contact.MessageHandled;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskNotFoundException;
import nl.loket.platform.Broadcast;
import nl.loket.platform.EventStreams;
import nl.loket.platform.LiveStreams;
import nl.loket.platform.reactions.Reaction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Live updates for the agents' workbenches over Server-Sent Events ({@code GET /api/agent/stream}): an event
 * {@code task} when a task the agent may see appears or changes (on any instance: the hand-off module broadcasts
 * the task id), {@code message} when the resident writes in a task the agent holds, {@code offer} and
 * {@code offer-ended} when a task is offered to this agent and when that offer ends, {@code status} when their own status
 * changes (Loket sets AWAY after lapsed offers), and for supervisors {@code status}
 * when an agent's status changes (the team lead's page). Events carry ids and states, never the resident's text: the
 * page reads the task itself, which is audited as always.
 */
@Configuration(proxyBeanMethods = false)
class LiveUpdates {

    /** The broadcast topic of resident messages in conversations a person holds: the notice is the conversation id. */
    static final String RESIDENT_WROTE = "resident-wrote";
    /** How long one stream stays open; the browser's EventSource reconnects by itself. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final EventStreams<Authentication> listeners;
    private final HandoffService handoff;
    private final QueueAccess access;
    private final Broadcast broadcast;

    LiveUpdates(HandoffService handoff, QueueAccess access, Broadcast broadcast, LiveStreams streams) {
        this.listeners = streams.of("agent", STREAM_TIMEOUT);
        this.handoff = handoff;
        this.access = access;
        this.broadcast = broadcast;
        broadcast.subscribe(HandoffService.TASKS_TOPIC, this::taskChanged);
        broadcast.subscribe(RESIDENT_WROTE, this::residentWrote);
        broadcast.subscribe(AgentStatuses.TOPIC, this::statusChanged);
        broadcast.subscribe(Offers.OFFERED, this::offered);
        broadcast.subscribe(Offers.ENDED, this::offerEnded);
    }

    /** A resident's message in a conversation a person holds is announced to every instance. */
    @Bean
    Reaction<MessageHandled> announceResidentMessages() {
        return Reaction.atOnce("agent-live", MessageHandled.class, event -> {
            if (event.withPerson()) {
                broadcast.publish(RESIDENT_WROTE, event.conversationId());
            }
        });
    }

    SseEmitter open(Authentication agent) {
        EventStreams.Stream<Authentication> stream = listeners.open(agent);
        listeners.send(stream, SseEmitter.event().name("ready").data(Map.of("agent", agent.getName()), MediaType.APPLICATION_JSON));
        return listeners.emitter(stream);
    }

    private void taskChanged(String taskId) {
        if (listeners.isEmpty()) {
            return;
        }
        Optional<HandoffTask> task = find(taskId);
        if (task.isEmpty()) {
            return;
        }
        HandoffTask t = task.get();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", t.id());
        data.put("reference", t.reference());
        data.put("status", t.status());
        data.put("priority", t.priority());
        data.put("queue", t.queue());
        data.put("team", t.team());
        if (t.claimedBy() != null) {
            data.put("claimedBy", t.claimedBy());
        }
        listeners.forEach(stream -> {
            if (access.maySee(stream.about(), t)) {
                listeners.send(stream, SseEmitter.event().name("task").id(t.id()).data(data, MediaType.APPLICATION_JSON));
            }
        });
    }

    private void residentWrote(String conversationId) {
        if (listeners.isEmpty()) {
            return;
        }
        handoff.taskOfConversation(conversationId).filter(t -> t.claimedBy() != null).ifPresent(t -> {
            listeners.forEach(stream -> {
                if (t.claimedBy(stream.about().getName())) {
                    listeners.send(stream, SseEmitter.event().name("message")
                            .data(Map.of("taskId", t.id(), "conversationId", conversationId), MediaType.APPLICATION_JSON));
                }
            });
        });
    }

    /** An offer to one agent: ids, reference, team and priority only, never the resident's words. */
    private void offered(String notice) {
        String[] parts = notice.split(" ");
        if (parts.length != 3 || listeners.isEmpty()) {
            return;
        }
        find(parts[0]).ifPresent(t -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", t.id());
            data.put("reference", t.reference());
            data.put("team", t.team());
            data.put("priority", t.priority());
            data.put("until", java.time.Instant.ofEpochMilli(Long.parseLong(parts[2])).toString());
            toAgent(parts[1], () -> SseEmitter.event().name("offer").id(t.id()).data(data, MediaType.APPLICATION_JSON));
        });
    }

    /** The offer was accepted, declined, lapsed into a colleague's claim, or withdrawn: the page takes it away. */
    private void offerEnded(String notice) {
        String[] parts = notice.split(" ");
        if (parts.length == 2) {
            toAgent(parts[1], () -> SseEmitter.event().name("offer-ended").data(Map.of("id", parts[0]), MediaType.APPLICATION_JSON));
        }
    }

    private void toAgent(String agentName, java.util.function.Supplier<SseEmitter.SseEventBuilder> event) {
        listeners.forEach(stream -> {
            if (stream.about().getName().equals(agentName)) {
                listeners.send(stream, event.get());
            }
        });
    }

    /**
     * Only team leads watch who is available; an agent's stream does not hear of colleagues' statuses, only of their
     * own (Loket may set it, after offers lapsed).
     */
    private void statusChanged(String agentName) {
        listeners.forEach(stream -> {
            if (QueueAccess.isSupervisor(stream.about()) || stream.about().getName().equals(agentName)) {
                listeners.send(stream, SseEmitter.event().name("status")
                        .data(Map.of("agent", agentName), MediaType.APPLICATION_JSON));
            }
        });
    }

    private Optional<HandoffTask> find(String taskId) {
        try {
            return Optional.of(handoff.task(taskId));
        } catch (TaskNotFoundException e) {
            return Optional.empty();
        }
    }
}
