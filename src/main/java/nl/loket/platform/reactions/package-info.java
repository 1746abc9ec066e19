/**
 * Reactions: how one module reacts to another's events without running inside its lock or its request.
 * An event is appended to one Redis stream (the outbox) once the step that caused it is stored; every
 * reacting module reads it through its own consumer group, at least once, idempotent per event id, with
 * pending entries of a stopped instance taken over, failures retried and, after the last try, parked
 * where a supervisor sees and retries them ({@code /api/reactions}). A reaction that must be in place
 * before the resident's answer (the hand-off task) is tried by the publishing thread first; the stream
 * is its safety net. Modules declare their reactions as {@link nl.loket.platform.reactions.Reaction} beans.
 */
package nl.loket.platform.reactions;
