package nl.loket.handoff;

import java.time.OffsetDateTime;

/**
 * An internal note on a task: for colleagues, never sent to the resident.
 *
 * @param author the agent who wrote it
 * @param kind   NOTE; TRANSFER when it came with a transfer; CONSULT when it asks a colleague or team a question about
 *               the case without handing it over (they may then read the task and answer with a note); CALLBACK
 *               when call-back times were proposed, picked or an outcome recorded (written by Loket for a pick)
 * @param to     the team or colleague a transfer or consult went to; null for a plain note
 */
public record HandoffNote(String author, OffsetDateTime at, Kind kind, String to, String text) {

    public enum Kind { NOTE, TRANSFER, CONSULT, CALLBACK }

    /** Longest note kept: an internal note is a few sentences, not a file. */
    public static final int MAX_LENGTH = 2_000;
}
