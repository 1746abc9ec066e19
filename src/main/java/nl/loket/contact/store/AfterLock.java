package nl.loket.contact.store;

import nl.loket.platform.reactions.Reactions;
import redis.clients.jedis.PipeliningBase;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of one step under a conversation's lock, published once the lock is released: reactions of
 * other modules (a task, a summary that may call a language model, indicators) never run inside the lock,
 * so they cannot hold up the resident's next message or call back into a locked conversation.
 */
public final class AfterLock {

    private final Reactions reactions;
    private final List<Object> pending = new ArrayList<>();
    private Reactions.Appended appended;

    public AfterLock(Reactions reactions) {
        this.reactions = reactions;
    }

    public void add(Object event) {
        pending.add(event);
    }

    /**
     * Appends what the step collected so far to the outbox with the step's final writes, in their round trip and
     * before the lock's release. Their reactions at once still run after the lock ({@link #publishAfter}).
     */
    public void appendWith(PipeliningBase writes) {
        appended = reactions.appendWith(writes, List.copyOf(pending));
        pending.clear();
    }

    /** Publishes what the locked step collected, in order, then hands back its result. */
    public <T> T publishAfter(T result) {
        if (appended != null) {
            reactions.tryAtOnce(appended);
            appended = null;
        }
        reactions.publish(List.copyOf(pending));
        pending.clear();
        return result;
    }
}
