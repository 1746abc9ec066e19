package nl.loket.knowledge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link KnowledgeBase} at start-up: loads and validates every article, builds the index and trains the
 * categorizer. A broken article stops start-up with an {@link InvalidArticleException} that names the file and field.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
class KnowledgeConfiguration {

    @Bean(destroyMethod = "close")
    KnowledgeBase knowledgeBase(KnowledgeProperties properties) {
        return KnowledgeBase.load(properties);
    }
}
