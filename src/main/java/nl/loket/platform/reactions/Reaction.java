package nl.loket.platform.reactions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What one module does when an event of a type happens. The group names the reacting module's consumer
 * group: one group reads every event once, whatever the number of instances. The handler must be
 * idempotent enough to run twice for one event (at-least-once), and throw when it failed so it is retried.
 *
 * @param group     consumer group, e.g. {@code handoff}; one reaction per group and event type
 * @param eventType the event record it reacts to
 * @param handler   the work
 * @param delivery  {@link Delivery#AT_ONCE} when the publishing thread tries it before it answers, else later
 */
public record Reaction<E>(String group, Class<E> eventType, Consumer<? super E> handler, Delivery delivery) {

    public enum Delivery {
        /** Tried by the publishing thread before its request answers; the stream retries it if that failed. */
        AT_ONCE,
        /** Only from the stream, by a background worker: never holds up a resident's request. */
        LATER
    }

    public Reaction {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(delivery, "delivery");
        if (!group.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("reaction group '" + group + "' must be lower case letters, digits and '-'");
        }
    }

    public static <E> Reaction<E> atOnce(String group, Class<E> eventType, Consumer<? super E> handler) {
        return new Reaction<>(group, eventType, handler, Delivery.AT_ONCE);
    }

    public static <E> Reaction<E> later(String group, Class<E> eventType, Consumer<? super E> handler) {
        return new Reaction<>(group, eventType, handler, Delivery.LATER);
    }

    void handle(Object event) {
        handler.accept(eventType.cast(event));
    }
}
