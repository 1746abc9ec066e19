package nl.loket.platform.reactions;

import nl.loket.platform.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * What supervisors see of the reactions between modules (HTTP Basic, role SUPERVISOR): per group how many
 * events it has not read yet (up to 10,000 counted), how many are being handled or wait for their next try, the parked events that failed every try, and a
 * retry of one parked event once its cause is fixed.
 */
@RestController
@RequestMapping("/api/reactions")
class ReactionsApi {

    record GroupState(String group, long unread, long pending, long parked) { }

    record Overview(List<GroupState> groups, long parked) { }

    record Retried(String id, String status) { }

    private static final int LIST_LIMIT = 500;
    private static final int UNREAD_LIMIT = 10_000;

    private final Reactions reactions;
    private final ReactionStream stream;

    ReactionsApi(Reactions reactions, ReactionStream stream) {
        this.reactions = reactions;
        this.stream = stream;
    }

    @GetMapping
    Overview overview() {
        Map<String, Long> pending = stream.pendingPerGroup();
        Map<String, Long> unread = stream.unreadPerGroup(UNREAD_LIMIT);
        List<ParkedEvent> parked = stream.parked(LIST_LIMIT);
        List<GroupState> groups = reactions.groups().stream()
                .map(g -> new GroupState(g, unread.getOrDefault(g, 0L), pending.getOrDefault(g, 0L),
                        parked.stream().filter(p -> g.equals(p.group())).count()))
                .toList();
        return new Overview(groups, parked.size());
    }

    @GetMapping("/parked")
    List<ParkedEvent> parked() {
        return stream.parked(LIST_LIMIT);
    }

    /** Runs the parked event's reaction again now; on success it leaves the parked list, else it stays with the new error. */
    @PostMapping("/parked/{id}/retry")
    Retried retry(@PathVariable String id) {
        ParkedEvent parked = stream.parkedEvent(id).orElseThrow(ParkedEventNotFoundException::new);
        Reaction<?> reaction = reactions.reactionOf(parked.group(), parked.type())
                .orElseThrow(() -> new ReactionStillFailingException("No reaction of this group reads this event any more."));
        try {
            reaction.handle(reactions.decode(parked.type(), parked.event()));
        } catch (RuntimeException e) {
            throw new ReactionStillFailingException("The reaction failed again: " + e.getClass().getSimpleName() + ".");
        }
        stream.unpark(id);
        return new Retried(id, "DONE");
    }

    /** No parked event with this id (never parked, or retried already). */
    static class ParkedEventNotFoundException extends ProblemException {
        ParkedEventNotFoundException() {
            super(404, "Parked event not found", null, "There is no parked event with this id.");
        }
    }

    /** The retry of a parked event failed again; it stays parked. */
    static class ReactionStillFailingException extends ProblemException {
        ReactionStillFailingException(String detail) {
            super(409, "Reaction still failing", null, detail);
        }
    }
}
