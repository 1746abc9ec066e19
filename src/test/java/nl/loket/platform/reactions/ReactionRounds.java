package nl.loket.platform.reactions;

import org.springframework.context.ApplicationContext;

/** Lets a test outside this package run the reacting groups' rounds itself, when it switched their polling off. */
public final class ReactionRounds {

    private ReactionRounds() {
    }

    /** One round of every reacting group (no take-over of stuck events); returns how many events were handled. */
    public static int everyGroupOnce(ApplicationContext context) {
        ReactionWorker worker = context.getBean(ReactionWorker.class);
        int handled = 0;
        for (String group : context.getBean(Reactions.class).groups()) {
            handled += worker.readAndHandle(group);
        }
        return handled;
    }
}
