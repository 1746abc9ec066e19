package nl.loket.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The open Server-Sent Event streams of one kind (agents' workbenches, residents' chats), each with what its owner
 * needs to know about it; made by {@link LiveStreams}, which keeps them alive and closes them before shutdown. A stream
 * whose browser left is dropped at the next send.
 *
 * @param <T> what the owner keeps per stream (the agent, the chat session)
 */
public final class EventStreams<T> {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    /** One open stream. Identity matters: the same agent may have two. */
    public static final class Stream<T> {
        private final T about;
        private final SseEmitter emitter;

        private Stream(T about, SseEmitter emitter) {
            this.about = about;
            this.emitter = emitter;
        }

        public T about() {
            return about;
        }
    }

    private final String kind;
    private final Duration timeout;
    private final Set<Stream<T>> open = ConcurrentHashMap.newKeySet();

    /** @param kind for the log ("agent", "chat"); @param timeout how long one stream stays open before the browser opens a new one */
    EventStreams(String kind, Duration timeout) {
        this.kind = kind;
        this.timeout = timeout;
    }

    /** Opens a stream about something; the returned emitter is what the controller returns. */
    public Stream<T> open(T about) {
        Stream<T> stream = new Stream<>(about, new SseEmitter(timeout.toMillis()));
        open.add(stream);
        stream.emitter.onCompletion(() -> open.remove(stream));
        stream.emitter.onTimeout(() -> open.remove(stream));
        stream.emitter.onError(e -> open.remove(stream));
        return stream;
    }

    public SseEmitter emitter(Stream<T> stream) {
        return stream.emitter;
    }

    /** Sends one event; a stream that cannot take it any more is dropped. */
    public void send(Stream<T> stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            open.remove(stream);
            log.debug("{} stream closed: {}", kind, e.toString());
        }
    }

    /** Every open stream, for the owner to pick whom an event is for. */
    public void forEach(Consumer<Stream<T>> action) {
        open.forEach(action);
    }

    public boolean isEmpty() {
        return open.isEmpty();
    }

    public int size() {
        return open.size();
    }

    /** A comment on every stream: keeps proxies from closing idle streams and finds those whose browser left. */
    void keepAlive() {
        open.forEach(s -> send(s, SseEmitter.event().comment("keep-alive")));
    }

    /** Ends one stream (the browser may open a new one). */
    public void close(Stream<T> stream) {
        open.remove(stream);
        try {
            stream.emitter.complete();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    /** Ends every stream, before graceful shutdown. */
    void closeAll() {
        open.forEach(this::close);
    }
}
