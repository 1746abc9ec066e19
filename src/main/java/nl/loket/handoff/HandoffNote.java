package nl.loket.handoff;

import java.time.OffsetDateTime;

/**
 * An internal note on a task: for colleagues, never sent to the resident.
 *
 * @param author the agent who wrote it
 * @param kind   NOTE, or TRANSFER when it came with a transfer (then {@code to} says to whom)
 * @param to     the team or colleague a transfer went to; null for a plain note
 */
public record HandoffNote(String author, OffsetDateTime at, Kind kind, String to, String text) {

    public enum Kind { NOTE, TRANSFER }

    /** Longest note kept: an internal note is a few sentences, not a file. */
    public static final int MAX_LENGTH = 2_000;
}
