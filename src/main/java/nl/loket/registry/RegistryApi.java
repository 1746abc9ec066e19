package nl.loket.registry;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The operators' API for registrations that failed (HTTP Basic, role SUPERVISOR): list the dead letters
 * with the API's answer, and replay one or all once the cause is fixed. Works whether or not the
 * registry is on, so dead letters stay visible after the API was switched off.
 */
@RestController
@RequestMapping("/api/registry")
class RegistryApi {

    record Replayed(String id, String status) { }

    record ReplayedAll(int replayed) { }

    private final DeadLetters deadLetters;
    private final RegistrationJobs jobs;

    RegistryApi(DeadLetters deadLetters, RegistrationJobs jobs) {
        this.deadLetters = deadLetters;
        this.jobs = jobs;
    }

    @GetMapping("/dead-letters")
    List<DeadLetter> deadLetters() {
        return deadLetters.list();
    }

    @GetMapping("/dead-letters/{id}")
    DeadLetter deadLetter(@PathVariable String id) {
        return deadLetters.find(id).orElseThrow(DeadLetterNotFoundException::new);
    }

    @PostMapping("/dead-letters/{id}/replay")
    ResponseEntity<Replayed> replay(@PathVariable String id) {
        DeadLetter letter = deadLetters.replay(id);
        return ResponseEntity.accepted().body(new Replayed(letter.id(), "QUEUED"));
    }

    @PostMapping("/dead-letters/replay")
    ResponseEntity<ReplayedAll> replayAll() {
        return ResponseEntity.accepted().body(new ReplayedAll(deadLetters.replayAll()));
    }

    /** How many registrations wait in the outbox (queued or being sent), for monitoring. */
    @GetMapping("/outbox")
    Map<String, Long> outbox() {
        return Map.of("queued", jobs.queuedCount(), "deadLetters", (long) deadLetters.list().size());
    }
}
