package nl.loket.knowledge;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The knowledge base as it would be with one draft published: the live release's articles with the draft in place of
 * its own. Built like a release (index and categorizer, a few seconds), kept only in memory and only for the last
 * draft asked about, so an editor's next test questions on the same text are quick. Nothing is stored or announced.
 */
@Component
class CandidateKnowledge implements DisposableBean {

    private record Candidate(long release, Article draft, KnowledgeBase base) {
    }

    private final ArticleVersions store;
    private final KnowledgeBuilder builder;
    private Candidate last;

    CandidateKnowledge(ArticleVersions store, KnowledgeBuilder builder) {
        this.store = store;
        this.builder = builder;
    }

    /** Runs {@code use} on the candidate with this draft; one at a time, since a build takes the CPU anyway. */
    synchronized <T> T with(Article draft, Function<KnowledgeBase, T> use) {
        ArticleVersions.Published published = store.published();
        if (last == null || last.release() != published.release() || !last.draft().equals(draft)) {
            List<Article> articles = new ArrayList<>(store.articles(published));
            articles.removeIf(a -> a.id().equals(draft.id()));
            articles.add(draft);
            // the store's order (by file), so an unchanged draft trains the very same categorizer as the release
            articles.sort(java.util.Comparator.comparing((Article a) -> ArticleMarkdown.fileName(a.language(), a.topic())));
            KnowledgeBase base = builder.buildCandidate(articles);
            if (last != null) {
                last.base().close();
            }
            last = new Candidate(published.release(), draft, base);
        }
        return use.apply(last.base());
    }

    @Override
    public synchronized void destroy() {
        if (last != null) {
            last.base().close();
            last = null;
        }
    }
}
