package nl.loket.platform.reactions;

import org.springframework.context.ApplicationContext;

/** Lets a test outside this package run the reacting groups' rounds itself, when it switched their polling off. */
public final class ReactionRounds {

    private ReactionRounds() {
    }

    /** One round of every reacting group, as the reader runs it (no take-over); returns how many events were handled. */
    public static int everyGroupOnce(ApplicationContext context) {
        return context.getBean(ReactionWorker.class).roundOfEveryGroup();
    }
}
