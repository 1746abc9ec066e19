package nl.loket.contact;

import nl.loket.platform.reactions.Reactions;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of one step under a conversation's lock, published once the lock is released: reactions of
 * other modules (a task, a summary that may call a language model, indicators) never run inside the lock,
 * so they cannot hold up the resident's next message or call back into a locked conversation.
 */
final class AfterLock {

    private final Reactions reactions;
    private final List<Object> pending = new ArrayList<>();

    AfterLock(Reactions reactions) {
        this.reactions = reactions;
    }

    void add(Object event) {
        pending.add(event);
    }

    /** Publishes what the locked step collected, in order, then hands back its result. */
    <T> T publishAfter(T result) {
        reactions.publish(List.copyOf(pending));
        pending.clear();
        return result;
    }
}
