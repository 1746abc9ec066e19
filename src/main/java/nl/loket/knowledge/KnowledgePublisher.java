package nl.loket.knowledge;

import nl.loket.platform.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps this instance on the store's published release. A publish anywhere raises the release and sends a notice
 * ({@link Broadcast}, topic {@value #TOPIC}); every instance then builds the new knowledge base beside the old one and
 * swaps it in ({@link CurrentKnowledge}). A notice may be missed (an instance reconnecting), so each instance also
 * compares releases every {@code check-interval}. One thread does all building: builds never run side by side and a
 * burst of notices builds once.
 */
@Component
class KnowledgePublisher implements ReleaseListener, DisposableBean {

    static final String TOPIC = "knowledge";

    private static final Logger log = LoggerFactory.getLogger(KnowledgePublisher.class);

    private final ArticleVersions store;
    private final CurrentKnowledge current;
    private final KnowledgeBuilder builder;
    private final Broadcast broadcast;
    private final KnowledgeEditingProperties properties;
    private final ScheduledExecutorService builds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "knowledge-publisher");
        t.setDaemon(true);
        return t;
    });

    KnowledgePublisher(ArticleVersions store, CurrentKnowledge current, KnowledgeBuilder builder, Broadcast broadcast,
                       KnowledgeEditingProperties properties) {
        this.store = store;
        this.current = current;
        this.builder = builder;
        this.broadcast = broadcast;
        this.properties = properties;
        broadcast.subscribe(TOPIC, notice -> builds.execute(this::catchUpQuietly));
        long every = properties.checkInterval().toMillis();
        builds.scheduleWithFixedDelay(this::catchUpQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Tells every instance about a new release and waits until this one answers from it, so the editor who approved
     * sees it live here when the call returns.
     */
    @Override
    public void published(long release) {
        broadcast.publish(TOPIC, String.valueOf(release));
        Future<?> done = builds.submit(this::catchUp);
        try {
            done.get(properties.publishWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Release {} is published but not yet live on this instance after {}", release, properties.publishWait());
        } catch (ExecutionException e) {
            throw new IllegalStateException("release " + release + " is published but could not be built here", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            // Redis away or a build failing: keep answering from the release we have, try again on the next check.
            log.warn("Knowledge base not brought up to date: {}", e.toString());
        }
    }

    private void catchUp() {
        ArticleVersions.Published published = store.published();
        if (published.release() <= current.release()) {
            return;
        }
        long started = System.nanoTime();
        List<Article> articles = store.articles(published);
        if (current.switchTo(published.release(), builder.build(articles))) {
            log.info("Knowledge base release {} live on this instance after {} ms of building", published.release(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public void destroy() {
        builds.shutdownNow();
    }
}
