package nl.loket.agent;

import java.util.List;

/** What the workbench templates and its JSON polls show; public so Thymeleaf and Jackson can read them. */
public final class WorkbenchViews {

    private WorkbenchViews() { }

    /** One row of the queue. No resident data: codes, labels and the task id only. */
    public record QueueRow(String id, String reference, String priority, String priorityLabel, long waitingMinutes,
                           String waiting, String reason, String reasonLabel, String language, String languageLabel,
                           String relay, String relayLabel, String channel, String channelLabel, String channelIcon,
                           String status, String statusLabel, boolean mine) { }

    /**
     * The queue poll: rows, most urgent first; the task offered to this agent now, or null; their own status, and why
     * when Loket set it for them (else null).
     */
    public record Queue(int waiting, int claimed, List<QueueRow> tasks, OfferView offer, String agentStatus,
                        String agentStatusNote) { }

    /** A task offered to the agent: reference, team and priority only, and until when (time of day). */
    public record OfferView(String id, String reference, String teamTitle, String priority, String priorityLabel,
                            String until) { }

    /** One spoken line of a phone transcript. */
    public record Spoken(String speaker, String time, String text) { }

    /** One message of the transcript. */
    public record Line(int index, String id, String author, String authorRole, String channel, String time,
                       String dateTime, String text, String delivery, String deliveryLabel, List<Spoken> spoken) { }

    /** One earlier contact of the resident. */
    public record Contact(String reference, String date, String channel, String relay, String topic, String outcome,
                          String state) { }

    /** A knowledge-base article the assistant already touched; {@code insertText} goes into the reply box. */
    public record Suggestion(String id, String title, String summary, String source, String insertText) { }

    /** The conversation poll: messages after the ones the page has, the delivery status of every reply, the task. */
    public record Updates(String status, String statusLabel, boolean mine, int total, List<Line> messages,
                          List<Line> deliveries) { }
}
