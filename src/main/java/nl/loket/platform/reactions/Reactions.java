package nl.loket.platform.reactions;

import nl.loket.platform.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes events to the modules that react to them. Call it after the step that caused the events is
 * stored and its lock released: each event goes into the outbox stream, then the reactions that must be in
 * place before the caller answers ({@link Reaction.Delivery#AT_ONCE}) are tried here; everything else runs
 * from the stream in the background ({@link ReactionWorker}). Publishing never throws: the caller's work is
 * stored already, and what could not be appended is logged (ids only) for the safety nets to find.
 */
@Component
public class Reactions implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Reactions.class);

    private static final int BACKLOG_LIMIT = 10_000;

    private final ReactionStream stream;
    private final Json json;
    private final ObjectProvider<Reaction<?>> declared;
    private final Map<Class<?>, List<Reaction<?>>> byType = new LinkedHashMap<>();
    private final Map<String, Class<?>> typesByName = new LinkedHashMap<>();
    private final Map<String, Map<String, Reaction<?>>> byGroup = new LinkedHashMap<>();

    // The reactions are read once every bean exists: they call the very services that publish (a cycle otherwise).
    public Reactions(ReactionStream stream, Json json, ObjectProvider<Reaction<?>> declared) {
        this.stream = stream;
        this.json = json;
        this.declared = declared;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Reaction<?> reaction : declared.orderedStream().toList()) {
            Map<String, Reaction<?>> group = byGroup.computeIfAbsent(reaction.group(), g -> new LinkedHashMap<>());
            if (group.put(typeName(reaction.eventType()), reaction) != null) {
                throw new IllegalStateException("two reactions of group '" + reaction.group() + "' to "
                        + reaction.eventType().getSimpleName() + "; one reaction per group and event type");
            }
            byType.computeIfAbsent(reaction.eventType(), t -> new ArrayList<>()).add(reaction);
            typesByName.put(typeName(reaction.eventType()), reaction.eventType());
        }
        // Before the first request: an event appended before its group exists would never reach that group.
        groups().forEach(stream::createGroup);
    }

    /** Publishes the events in order. */
    public void publish(List<?> events) {
        events.forEach(this::publish);
    }

    /** Events appended to the outbox among the writes of the step that caused them, not yet tried at once. */
    public static final class Appended {
        private final List<Object> events = new ArrayList<>();
        private final List<Response<Object>> ids = new ArrayList<>();
    }

    /**
     * Appends the events among the writes of the step that caused them (its transaction), so they are in the outbox
     * exactly when the step is stored; {@link #tryAtOnce(Appended)} runs the reactions at once after the lock.
     */
    public Appended appendWith(PipeliningBase writes, List<?> events) {
        Appended appended = new Appended();
        for (Object event : events) {
            List<Reaction<?>> reactions = byType.getOrDefault(event.getClass(), List.of());
            if (reactions.isEmpty()) {
                continue;
            }
            appended.events.add(event);
            appended.ids.add(stream.append(writes, typeName(event.getClass()), json.write(event), atOnceGroups(reactions)));
        }
        return appended;
    }

    /** The reactions at once to events appended with {@link #appendWith}, once their writes went through. */
    public void tryAtOnce(Appended appended) {
        for (int i = 0; i < appended.events.size(); i++) {
            Object event = appended.events.get(i);
            String eventId;
            try {
                eventId = String.valueOf(appended.ids.get(i).get());
            } catch (RuntimeException e) {
                log.error("Could not append {} to the reactions outbox; only reactions at once ran: {}",
                        event.getClass().getSimpleName(), e.toString());
                eventId = null;
            }
            for (Reaction<?> reaction : byType.getOrDefault(event.getClass(), List.of())) {
                if (reaction.delivery() == Reaction.Delivery.AT_ONCE) {
                    tryAtOnce(reaction, eventId, event);
                }
            }
        }
    }

    private static List<String> atOnceGroups(List<Reaction<?>> reactions) {
        return reactions.stream().filter(r -> r.delivery() == Reaction.Delivery.AT_ONCE).map(Reaction::group).toList();
    }

    public void publish(Object event) {
        List<Reaction<?>> reactions = byType.getOrDefault(event.getClass(), List.of());
        if (reactions.isEmpty()) {
            return;
        }
        String eventId = append(event, atOnceGroups(reactions));
        for (Reaction<?> reaction : reactions) {
            if (reaction.delivery() == Reaction.Delivery.AT_ONCE) {
                tryAtOnce(reaction, eventId, event);
            }
        }
    }

    private String append(Object event, List<String> atOnce) {
        try {
            return stream.append(typeName(event.getClass()), json.write(event), atOnce);
        } catch (RuntimeException e) {
            log.error("Could not append {} to the reactions outbox; only reactions at once ran: {}",
                    event.getClass().getSimpleName(), e.toString());
            return null;
        }
    }

    private void tryAtOnce(Reaction<?> reaction, String eventId, Object event) {
        try {
            if (eventId == null) {
                reaction.handle(event);
                return;
            }
            // appended already marked as being handled here: the group's reader leaves it until this try is over
            try {
                reaction.handle(event);
            } catch (RuntimeException failed) {
                stream.failed(reaction.group(), eventId);
                throw failed;
            }
            stream.doneAtOnce(reaction.group(), eventId);
        } catch (RuntimeException e) {
            // The stream tries again after loket.reactions.retry-after; the caller's answer does not wait for it.
            log.warn("Reaction {} to {} {} failed at once; retried from the outbox: {}", reaction.group(),
                    event.getClass().getSimpleName(), eventId, e.toString());
        }
    }

    /**
     * Events this instance's reacting modules have not finished yet: not yet read, being handled, or waiting for
     * their next try (parked ones not counted). 0 means every reaction to what happened so far has run.
     */
    public long backlog() {
        return backlogPerGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@link #backlog()} per reacting group, only the groups with something left (for operators and tests). */
    public Map<String, Long> backlogPerGroup() {
        Map<String, Long> pending = stream.pendingPerGroup();
        Map<String, Long> unread = stream.unreadPerGroup(BACKLOG_LIMIT);
        Map<String, Long> out = new java.util.TreeMap<>();
        for (String group : groups()) {
            long left = pending.getOrDefault(group, 0L) + unread.getOrDefault(group, 0L);
            if (left > 0) {
                out.put(group, left);
            }
        }
        return out;
    }

    Set<String> groups() {
        return new LinkedHashSet<>(byGroup.keySet());
    }

    /** The stored type names the group reacts to. */
    Set<String> typesOf(String group) {
        return byGroup.getOrDefault(group, Map.of()).keySet();
    }

    /** The group's reaction to the stored type name, if it has one. */
    Optional<Reaction<?>> reactionOf(String group, String typeName) {
        return Optional.ofNullable(byGroup.getOrDefault(group, Map.of()).get(typeName));
    }

    /** The stored event as its record; only types some reaction declared are ever read. */
    Object decode(String typeName, String body) {
        Class<?> type = typesByName.get(typeName);
        if (type == null) {
            throw new IllegalArgumentException("no reaction knows event type '" + typeName + "'");
        }
        return json.read(body, type);
    }

    private static String typeName(Class<?> type) {
        return type.getName();
    }
}
