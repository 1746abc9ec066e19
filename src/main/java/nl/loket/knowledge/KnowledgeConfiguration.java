package nl.loket.knowledge;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/**
 * Builds the knowledge base at start-up: loads and validates every article, builds the index and trains the
 * categorizer. A broken article stops start-up with an {@link InvalidArticleException} that names the file and field.
 *
 * <p>With the article store (Redis, the running application) the articles come from the store's published release;
 * an empty store is first seeded from {@code loket.knowledge.location}. Without it (a bare context) they come
 * straight from the files.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KnowledgeProperties.class, KnowledgeEditingProperties.class,
        SourceLinkProperties.class})
class KnowledgeConfiguration {

    @Bean
    KnowledgeBuilder knowledgeBuilder(KnowledgeProperties properties, ObjectProvider<SharedModels> sharedModels) {
        return new KnowledgeBuilder(properties, sharedModels.getIfAvailable(() -> SharedModels.NONE));
    }

    @Bean(destroyMethod = "close")
    CurrentKnowledge currentKnowledge(KnowledgeProperties properties, KnowledgeEditingProperties editing,
                                      KnowledgeBuilder builder, ObjectProvider<ArticleVersions> store,
                                      ObjectProvider<Clock> clock) {
        ArticleVersions versions = store.getIfAvailable();
        if (versions == null) {
            return new CurrentKnowledge(0, builder.build(ArticleLoader.load(properties.location())), editing.retireAfter());
        }
        Clock c = clock.getIfAvailable(Clock::systemUTC);
        versions.seedIfEmpty(() -> ArticleLoader.load(properties.location()).stream()
                .map(a -> new ArticleVersion(1, ArticleVersion.Kind.IMPORT, a, "import", c.instant(), List.of(), "", null, null))
                .toList());
        ArticleVersions.Published published = versions.published();
        return new CurrentKnowledge(published.release(), builder.build(versions.articles(published)), editing.retireAfter());
    }
}
