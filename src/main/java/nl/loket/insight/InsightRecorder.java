package nl.loket.insight;

import nl.loket.contact.Resolution;
import io.micrometer.core.instrument.MeterRegistry;
import nl.loket.contact.AssistantOutcome;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationClosed;
import nl.loket.contact.ConversationEscalated;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Message;
import nl.loket.contact.MessageHandled;
import nl.loket.contact.Outcome;
import nl.loket.contact.ResponseTimeProperties;
import nl.loket.contact.SatisfactionGiven;
import nl.loket.handoff.AgentReplied;
import nl.loket.handoff.TaskClaimed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records the facts of the indicators when they happen, from the events of contact and hand-off. Runs as the
 * {@code insight} reaction group, in the background from the reactions outbox ({@link InsightReactions}): a
 * failing write never touches a resident's message; it is tried again, then parked for a supervisor. The
 * first-time checks ({@code store.first}) keep a second delivery from counting a contact twice.
 */
@Component
class InsightRecorder {

    private static final Logger log = LoggerFactory.getLogger(InsightRecorder.class);

    private final InsightStore store;
    private final ContactService contacts;
    private final MeterRegistry meters;
    private final InsightProperties properties;
    private final ResponseTimeProperties promised;
    private final Clock clock;

    InsightRecorder(InsightStore store, ContactService contacts, MeterRegistry meters, InsightProperties properties,
                    ResponseTimeProperties promised, Clock clock) {
        this.promised = promised;
        this.store = store;
        this.contacts = contacts;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
    }

    void on(MessageHandled event) {
        recording("message", event.conversationId(), () -> {
            String ch = event.channel().name();
            Map<String, Long> counts = new LinkedHashMap<>();
            List<InsightStore.Measured> measured = new ArrayList<>(1);
            if (store.first("contact", event.conversationId())) {
                add(counts, "contacts|" + ch);
                if (event.relay() != null) {
                    add(counts, "relayContacts|" + ch);
                }
                add(counts, "language|" + ch + "|" + (event.language() == null ? "nl" : event.language()));
                meters.counter("loket.contacts", "channel", ch).increment();
            }
            add(counts, "messages|" + ch);
            if (!event.withPerson()) {
                add(counts, "toAssistant|" + ch);
                if (event.outcome() == Outcome.ANSWERED) {
                    add(counts, "answered|" + ch);
                    if (event.articleId() != null) {
                        add(counts, "articleAnswers|-|" + event.articleId());
                    }
                } else if (event.outcome() == Outcome.CLARIFY) {
                    add(counts, "clarified|" + ch);
                }
                if (event.topic() != null) {
                    add(counts, "topic|" + ch + "|" + event.topic());
                }
                // A phone transcript arrives after the call (received = call start): no reply time to measure.
                if (event.channel() != Channel.PHONE) {
                    long millis = Duration.between(event.receivedAt(), event.repliedAt()).toMillis();
                    measured.add(new InsightStore.Measured(day(event.repliedAt()), "assistantReply", event.channel(), millis));
                    meters.timer("loket.assistant.reply", "channel", ch).record(Math.max(0, millis), TimeUnit.MILLISECONDS);
                }
            }
            meters.counter("loket.messages", "channel", ch, "outcome",
                    event.withPerson() ? "TO_PERSON" : String.valueOf(event.outcome())).increment();
            store.record(day(event.receivedAt()), counts, measured); // one round trip for both
            if (!event.withPerson() && event.outcome() == Outcome.ESCALATED && event.reason() == EscalationReason.NO_ANSWER) {
                recordGap(event);
            }
        });
    }

    /** The redacted text contact already stores; the original text never reaches insight. */
    private void recordGap(MessageHandled event) {
        contacts.messages(event.conversationId()).stream()
                .filter(m -> m.id().equals(event.messageId()))
                .map(Message::redactedText)
                .filter(t -> t != null && !t.isBlank())
                .findFirst()
                .ifPresent(text -> store.gap(day(event.receivedAt()), new InsightStore.Gap(text, event.channel(),
                        event.language(), event.topic())));
    }

    void on(ConversationEscalated event) {
        recording("escalation", event.conversationId(), () -> {
            if (!store.first("handoff", event.conversationId())) {
                return;
            }
            Conversation conversation = contacts.conversation(event.conversationId()).orElse(null);
            if (conversation == null) {
                return;
            }
            String ch = conversation.channel().name();
            EscalationReason reason = event.escalation() != null && event.escalation().reason() != null
                    ? event.escalation().reason() : EscalationReason.NO_ANSWER;
            Map<String, Long> counts = new LinkedHashMap<>();
            add(counts, "handoffs|" + ch);
            add(counts, "reason|" + ch + "|" + reason);
            if (reason == EscalationReason.COMPLAINT) {
                add(counts, "complaints|" + ch);
            }
            // "Not helped": the assistant answered earlier in this conversation, and still a person was needed.
            List<AssistantOutcome> outcomes = conversation.outcomes();
            outcomes.stream().limit(Math.max(0, outcomes.size() - 1))
                    .filter(o -> o.outcome() == Outcome.ANSWERED)
                    .reduce((a, b) -> b)
                    .ifPresent(answered -> {
                        add(counts, "notHelped|" + ch);
                        if (answered.articleId() != null) {
                            add(counts, "articleNotHelped|-|" + answered.articleId());
                        }
                    });
            // The day it happened, not the day it was counted: a reaction may run later, or be retried after midnight.
            store.count(day(event.escalatedAt() == null ? OffsetDateTime.now(clock) : event.escalatedAt()), counts);
            meters.counter("loket.handoffs", "channel", ch, "reason", reason.name()).increment();
        });
    }

    void on(TaskClaimed event) {
        recording("claim", event.conversationId(), () -> {
            if (!store.first("claim", event.taskId())) {
                return;
            }
            long millis = Duration.between(event.createdAt(), event.claimedAt()).toMillis();
            store.sample(day(event.claimedAt()), "queueWait", event.channel(), millis);
            meters.timer("loket.handoff.queue.wait", "channel", event.channel().name())
                    .record(Math.max(0, millis), TimeUnit.MILLISECONDS);
        });
    }

    void on(AgentReplied event) {
        recording("agent reply", event.conversationId(), () -> {
            if (!event.first()) {
                return;
            }
            long millis = Duration.between(event.createdAt(), event.repliedAt()).toMillis();
            LocalDate day = day(event.repliedAt());
            store.sample(day, "firstReply", event.channel(), millis);
            InsightProperties.Target target = properties.target(event.channel(), promised);
            if (target != null) {
                boolean met = target.met(event.createdAt().atZoneSameInstant(clock.getZone()),
                        event.repliedAt().atZoneSameInstant(clock.getZone()));
                store.count(day, Map.of((met ? "targetMet|" : "targetMissed|") + event.channel().name(), 1L));
            }
            meters.timer("loket.handoff.first.reply", "channel", event.channel().name())
                    .record(Math.max(0, millis), TimeUnit.MILLISECONDS);
        });
    }

    void on(ConversationClosed event) {
        recording("close", event.conversationId(), () -> {
            Conversation conversation = contacts.conversation(event.conversationId()).orElse(null);
            Channel channel = conversation == null ? null : conversation.channel();
            if (channel == null) {
                return;
            }
            OffsetDateTime closedAt = event.closedAt() == null ? OffsetDateTime.now(clock) : event.closedAt();
            LocalDate day = day(closedAt);
            Resolution closedAs = event.resolution() == null ? Resolution.OTHER : event.resolution();
            String resolution = closedAs.name();
            store.count(day, Map.of("resolution|" + channel.name() + "|" + resolution, 1L));
            meters.counter("loket.resolutions", "channel", channel.name(), "resolution", resolution).increment();
            if (closedAs.closedByAssistant()) {
                return; // its "time to close" is the idle wait, not service: counted, not timed
            }
            long millis = Duration.between(conversation.startedAt(), closedAt).toMillis();
            store.sample(day, "close", channel, millis);
            meters.timer("loket.conversation.close", "channel", channel.name())
                    .record(Math.max(0, millis), TimeUnit.MILLISECONDS);
        });
    }

    void on(SatisfactionGiven event) {
        recording("satisfaction", event.conversationId(), () -> {
            String ch = event.channel().name();
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("satisfactionSum|" + ch, (long) event.score() - (event.previousScore() == null ? 0 : event.previousScore()));
            if (event.previousScore() == null) {
                counts.put("satisfactionCount|" + ch, 1L);
            }
            store.count(day(event.at() == null ? OffsetDateTime.now(clock) : event.at()), counts);
            meters.summary("loket.satisfaction.score", "channel", ch).record(event.score());
        });
    }

    private LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    private static void add(Map<String, Long> counts, String field) {
        counts.merge(field, 1L, Long::sum);
    }

    /** A failure goes back to the reactions outbox, which tries again and finally parks the event. */
    private static void recording(String what, String conversationId, Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            log.debug("Insight could not record the {} of conversation {} yet: {}", what, conversationId, e.toString());
            throw e;
        }
    }
}
