package nl.loket.platform.reactions;

/**
 * An event whose reaction failed on every try. The event body holds ids, codes and times only (events
 * never carry a resident's text), so a supervisor may see it.
 */
public record ParkedEvent(String id, String group, String eventId, String type, String error, String parkedAt,
                          String event) {
}
