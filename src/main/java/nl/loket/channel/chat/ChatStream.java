package nl.loket.channel.chat;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.ContactService;
import nl.loket.contact.ResidentNotices;
import nl.loket.platform.Broadcast;
import nl.loket.platform.EventStreams;
import nl.loket.platform.LiveStreams;
import nl.loket.platform.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/chat/sessions/{sessionId}/stream}: the resident's chat page hears at once, over Server-Sent Events,
 * that an agent answered or is typing, on whichever instance that happened ({@link ResidentNotices}). An event
 * {@code changed} carries no text, only the nudge; the page then reads the messages as it always did, with the same
 * bearer token. Without a working stream the page keeps looking every few seconds.
 */
@RestController
class ChatStream {

    /** How long one stream stays open; the page opens a new one. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    /** Open streams per chat session (a few tabs); a further one closes the oldest. */
    static final int PER_SESSION = 3;
    /** Open streams per instance; beyond this a page is told to keep looking by itself (503). */
    static final int PER_INSTANCE = 5_000;

    private static final AtomicLong OPENED = new AtomicLong();

    /** One open page; the conversation is known from the session's first message on. */
    private static final class Page {
        final String sessionId;
        final long opened = OPENED.incrementAndGet();
        volatile String conversationId;

        Page(String sessionId) {
            this.sessionId = sessionId;
        }
    }

    private final EventStreams<Page> listeners;
    private final ChatSessions sessions;
    private final ContactService contacts;
    ChatStream(ChatSessions sessions, ContactService contacts, Broadcast broadcast, LiveStreams streams) {
        this.listeners = streams.of("chat", STREAM_TIMEOUT);
        this.sessions = sessions;
        this.contacts = contacts;
        broadcast.subscribe(ResidentNotices.TOPIC, this::changed);
    }

    @GetMapping(path = "/api/chat/sessions/{sessionId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String sessionId, @RequestHeader(value = "Authorization", required = false) String authorization) {
        sessions.authorisedBy(sessionId, authorization);
        if (listeners.size() >= PER_INSTANCE) {
            throw new TooManyStreamsException();
        }
        List<EventStreams.Stream<Page>> sameSession = new ArrayList<>();
        listeners.forEach(s -> {
            if (s.about().sessionId.equals(sessionId)) {
                sameSession.add(s);
            }
        });
        sameSession.stream().sorted(Comparator.comparingLong((EventStreams.Stream<Page> s) -> s.about().opened).reversed())
                .skip(PER_SESSION - 1L)
                .forEach(listeners::close);
        Page page = new Page(sessionId);
        page.conversationId = conversationOf(sessionId);
        EventStreams.Stream<Page> stream = listeners.open(page);
        listeners.send(stream, SseEmitter.event().name("ready").data(Map.of(), MediaType.APPLICATION_JSON));
        return listeners.emitter(stream);
    }

    private void changed(String conversationId) {
        listeners.forEach(stream -> {
            Page page = stream.about();
            if (page.conversationId == null) {
                page.conversationId = conversationOf(page.sessionId);
            }
            if (conversationId.equals(page.conversationId)) {
                listeners.send(stream, SseEmitter.event().name("changed").data(Map.of(), MediaType.APPLICATION_JSON));
            }
        });
    }

    private String conversationOf(String sessionId) {
        return contacts.conversationOfThread(Channel.CHAT, sessionId).map(Conversation::id).orElse(null);
    }

    /** This instance holds as many open chat streams as it will; the page keeps looking by itself. */
    static final class TooManyStreamsException extends ProblemException {
        TooManyStreamsException() {
            super(503, "Too many live chat connections", null, "Live updates are not available now; the chat page looks for new messages by itself.");
        }
    }
}
