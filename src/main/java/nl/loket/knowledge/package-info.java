/**
 * Knowledge base: articles, loading and validation, the search index and topic categorizer. Owns no resident data.
 *
 * <p>Public API: {@link nl.loket.knowledge.KnowledgeBase} (the facade), {@link nl.loket.knowledge.Article},
 * {@link nl.loket.knowledge.Retrieval}, {@link nl.loket.knowledge.KnowledgeProperties} and
 * {@link nl.loket.knowledge.InvalidArticleException}. Everything else is package-private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge", allowedDependencies = {"platform"})
package nl.loket.knowledge;
