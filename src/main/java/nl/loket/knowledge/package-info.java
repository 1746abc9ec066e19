/**
 * Knowledge base: articles, loading and validation, the search index and topic categorizer, and the editing of the
 * articles: every version in Redis (seeded once from the Markdown files), drafts, four-eyes approval, roll-back, and
 * the switch of every instance to a newly published release. Owns no resident data.
 *
 * <p>Public API: {@link nl.loket.knowledge.CurrentKnowledge} (the knowledge base of the live release; take it once per
 * request), {@link nl.loket.knowledge.KnowledgeBase}, {@link nl.loket.knowledge.Article},
 * {@link nl.loket.knowledge.Retrieval}, {@link nl.loket.knowledge.KnowledgeProperties},
 * {@link nl.loket.knowledge.InvalidArticleException}, {@link nl.loket.knowledge.DraftChecks} (implemented by the
 * assistant: the readability check, the SMS and a test question the editors' pages show beside a draft) and
 * {@link nl.loket.knowledge.ArticleUpkeep} (counts of published articles past review or with a broken source link,
 * for the indicators) and the port {@link nl.loket.knowledge.ArticleUse} (implemented by insight: answers and "not
 * helped" per article for the editors' list); over HTTP the editors' API {@code /api/knowledge/**} and pages
 * {@code /redactie} (role EDITOR). Everything else is package-private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge", allowedDependencies = {"platform"})
package nl.loket.knowledge;
