package nl.loket.handoff;

import nl.loket.contact.ContactService;
import nl.loket.contact.ConversationEscalated;
import org.springframework.stereotype.Component;

/**
 * Adds the language model's summary to a task that opened with the extractive one. Its own reaction, later
 * and in the background: a slow or absent model never holds up the task, the resident's answer or SMS.
 */
@Component
class WrittenSummaryReaction {

    private final TaskStore tasks;
    private final ContactService contacts;
    private final HandoffSummary summaries;
    private final ConversationSummaries model;

    WrittenSummaryReaction(TaskStore tasks, ContactService contacts, HandoffSummary summaries,
                           ConversationSummaries model) {
        this.tasks = tasks;
        this.contacts = contacts;
        this.summaries = summaries;
        this.model = model;
    }

    void add(ConversationEscalated event) {
        if (!model.available()) {
            return; // the task keeps its extractive summary; no need to wait for the task to open
        }
        HandoffTask task = tasks.ofConversation(event.conversationId())
                // The task reaction failed so far; this one is retried until the task is there.
                .orElseThrow(() -> new IllegalStateException("no task yet for conversation " + event.conversationId()));
        if (summaries.hasWritten(task.summary())) {
            return;
        }
        model.summarize(HandoffSummary.redactedLines(contacts.messages(event.conversationId())))
                .ifPresent(written -> tasks.update(task.id(),
                        t -> summaries.hasWritten(t.summary()) ? t : t.withSummary(summaries.withWritten(t.summary(), written)),
                        TaskStore.Transition.none()));
    }
}
