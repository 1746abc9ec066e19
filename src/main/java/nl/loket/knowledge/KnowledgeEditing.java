package nl.loket.knowledge;

import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The editors' rules: a change is a new draft version, checked by the loader's own rules; a draft is published only
 * when another editor approves it (four eyes); a roll-back publishes the content of an earlier published version as a
 * new version. Every publish makes every instance switch to the new release ({@link KnowledgePublisher}).
 */
@Service
class KnowledgeEditing {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KnowledgeEditing.class);

    /** The fields an editor writes; {@code id} follows from topic and language, {@code sample} is for shipped content. */
    static final List<String> EDITABLE = List.of("topic", "language", "title", "summary", "body", "source", "lastReviewed",
            "related", "examples", "keywords");

    private final ArticleVersions store;
    private final ReleaseListener publisher;
    private final KnowledgeEditingProperties properties;
    private final Clock clock;
    private final PublishGate gate;

    KnowledgeEditing(ArticleVersions store, ReleaseListener publisher, KnowledgeEditingProperties properties, Clock clock,
                     PublishGate gate) {
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.gate = gate;
    }

    /**
     * Saves a new draft version of the article on the fields' topic and language (a new article when there is none).
     *
     * @param fields the article's fields as the editor sent them, of any type: the same parser as for the files says
     *               which one is wrong
     * @throws InvalidDraft naming the field; nothing is stored
     */
    ArticleVersion saveDraft(String editor, Map<String, Object> fields) {
        String note = fields.get("note") instanceof String s ? s.strip() : "";
        Article article = check(fields);
        return store.appendDraft(article.id(), (number, state) -> {
            Article base = state.published() == null ? null : state.versions().get(state.published() - 1).article();
            return new ArticleVersion(number, ArticleVersion.Kind.DRAFT, article, editor, clock.instant(),
                    changedFields(base, article), note, state.published(), null);
        });
    }

    /**
     * Proposes to take a live article offline, with the reason ({@code note}, required); another editor approves it
     * like a draft. The version keeps the last live content, so the history shows what went offline.
     */
    ArticleVersion proposeWithdrawal(String editor, String articleId, String note) {
        if (note == null || note.isBlank()) {
            throw new InvalidDraft("note", "is empty; say why the article goes offline");
        }
        return store.appendDraft(articleId, state -> {
            if (state.published() == null) {
                throw new UnknownArticleVersion(articleId + " (not live)");
            }
        }, (number, state) -> {
            Article live = state.versions().get(state.published() - 1).article();
            return new ArticleVersion(number, ArticleVersion.Kind.WITHDRAWAL, live, editor, clock.instant(), List.of(),
                    note.strip(), state.published(), null);
        });
    }

    /**
     * The article these fields make, checked by the same rules as a saved draft, without storing anything: what the
     * editors' preview and test box work on.
     *
     * @throws InvalidDraft naming the field
     */
    Article check(Map<String, Object> fields) {
        Map<String, Object> front = new LinkedHashMap<>(fields);
        front.remove("note");
        Object body = front.remove("body");
        front.remove("sample");
        String topic = requiredText(front, "topic");
        String language = requiredText(front, "language");
        if (!(body instanceof String text) || text.isBlank()) {
            throw new InvalidDraft("body", "field 'body' is missing or empty; write short paragraphs and a numbered list of steps");
        }
        front.putIfAbsent("id", language + "-" + topic);
        front.putIfAbsent("lastReviewed", LocalDate.now(clock).toString());
        String file = ArticleMarkdown.fileName(language, topic);
        Article article;
        try {
            article = ArticleParser.parse(file, ArticleMarkdown.write(front, text));
        } catch (InvalidArticleException e) {
            throw new InvalidDraft(e.field() == null ? "body" : e.field(), e.getMessage());
        }
        Set<String> topics = publishedTopics();
        topics.add(article.topic());
        for (String related : article.related()) {
            if (!topics.contains(related)) {
                throw new InvalidDraft("related", file + ": field 'related' names topic '" + related
                        + "', which no published article has");
            }
        }
        return article;
    }

    /**
     * Publishes a draft. Four eyes: refused for the draft's own author; refused too when a newer version was saved
     * since (the approver would publish something else than the latest work) or when it is no draft waiting. Then the
     * evaluation gate: refused when the candidate release answers more labelled questions wrongly or no longer handles a
     * crisis message, unless a supervisor overrides it; the override is kept with the approval.
     *
     * @param supervisorOverride the approver is a supervisor who publishes despite the gate
     */
    ArticleVersions.Publication approve(String editor, DraftId draft, boolean supervisorOverride) {
        Consumer<ArticleVersions.State> approvable = state -> {
            if (draft.version() < 1 || draft.version() > state.latest()) {
                throw new UnknownArticleVersion(draft.toString());
            }
            ArticleVersion version = state.versions().get(draft.version() - 1);
            boolean proposal = version.kind() == ArticleVersion.Kind.DRAFT || version.kind() == ArticleVersion.Kind.WITHDRAWAL;
            if (!proposal || state.published() != null && state.published() >= draft.version()
                || version.kind() == ArticleVersion.Kind.WITHDRAWAL && state.published() == null) {
                throw new VersionNotADraft(draft);
            }
            if (version.author().equals(editor)) {
                throw new SelfApprovalRefused(draft);
            }
            if (draft.version() != state.latest()) {
                throw new DraftSuperseded(draft, state.latest());
            }
        };
        // The cheap checks first, on what is stored now; the store checks them again atomically when it publishes.
        List<ArticleVersion> versions = store.versions(draft.articleId());
        approvable.accept(new ArticleVersions.State(versions, store.publishedVersion(draft.articleId()).orElse(null)));
        ArticleVersion proposed = versions.get(draft.version() - 1);
        // Taking an article offline adds no answer, so it cannot add a false one: the evaluation gate is for drafts.
        PublishGate.Report report = proposed.kind() == ArticleVersion.Kind.WITHDRAWAL ? null : gate.check(proposed.article());
        if (report != null && !report.passes() && !supervisorOverride) {
            throw new PublishRefusedByEvaluation(draft, report);
        }
        ArticleVersions.Publication done = store.approve(draft, approvable,
                new Approval(editor, clock.instant(), report == null || report.passes() ? null : report.summary()));
        if (report != null && !report.passes()) {
            log.warn("Draft {} published by supervisor {} despite the evaluation gate: {}", draft, editor, report.summary());
        }
        publisher.published(done.release());
        return done;
    }

    /**
     * Publishes the content of an earlier version again, as a new version by this editor. Only a version that was
     * published before may be restored this way: its content passed four eyes then, and a roll-back must be quick.
     */
    ArticleVersions.Publication rollBack(String editor, String articleId, int toVersion, String note) {
        Map<Integer, Approval> approvals = store.approvals(articleId);
        ArticleVersions.Publication done = store.appendPublished(articleId, state -> {
            if (toVersion < 1 || toVersion > state.latest()) {
                throw new UnknownArticleVersion(articleId + "." + toVersion);
            }
            if (!wasPublished(state.versions().get(toVersion - 1), approvals)) {
                throw new RollbackToUnpublishedVersionRefused(articleId, toVersion);
            }
        }, number -> state -> {
            Article restored = state.versions().get(toVersion - 1).article();
            Article live = state.published() == null ? null : state.versions().get(state.published() - 1).article();
            return new ArticleVersion(number, ArticleVersion.Kind.ROLLBACK, restored, editor, clock.instant(),
                    changedFields(live, restored), note, state.published(), toVersion);
        });
        publisher.published(done.release());
        return done;
    }

    /** Every article (published or only drafted) with its state and review dates, by language and topic. */
    /**
     * The published articles as the knowledge folder holds them ({@code nl/paspoort.md}, …) in one ZIP, so a
     * municipality can keep its content in git or start another Loket from it ({@code loket.knowledge.location}).
     * Each file reads back as the same article (the loader's own format).
     */
    byte[] exportPublished() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            List<Article> articles = new java.util.ArrayList<>(store.articles(store.published()));
            articles.sort(java.util.Comparator.comparing((Article a) -> ArticleMarkdown.fileName(a.language(), a.topic())));
            for (Article article : articles) {
                zip.putNextEntry(new java.util.zip.ZipEntry(ArticleMarkdown.fileName(article.language(), article.topic())));
                zip.write(ArticleMarkdown.write(article).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    List<ArticleSummary> list(String topic, String language) {
        List<ArticleSummary> out = new ArrayList<>();
        for (String id : store.ids()) {
            ArticleHistory h = history(id).orElse(null);
            if (h == null || topic != null && !topic.equals(h.topic()) || language != null && !language.equals(h.language())) {
                continue;
            }
            out.add(h.summary(properties.reviewInterval()));
        }
        out.sort(Comparator.comparing(ArticleSummary::language).thenComparing(ArticleSummary::topic));
        return out;
    }

    /** An article with all its versions, oldest first. */
    Optional<ArticleHistory> history(String articleId) {
        List<ArticleVersion> versions = store.versions(articleId);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, Approval> approvals = store.approvals(articleId);
        Integer published = store.publishedVersion(articleId).orElse(null);
        int latest = versions.size();
        List<VersionView> views = versions.stream().map(v -> {
            Approval a = approvals.get(v.number());
            String status = v.number() == Objects.requireNonNullElse(published, 0) ? "PUBLISHED"
                    : v.kind() == ArticleVersion.Kind.WITHDRAWAL && a != null ? "WITHDRAWN"
                    : wasPublished(v, approvals) ? "REPLACED"
                    : v.number() == latest ? "DRAFT" : "SUPERSEDED";
            return new VersionView(v.number(), v.kind(), status, v.author(), v.savedAt(), v.changed(), v.note(), v.basedOn(),
                    v.rolledBackTo(), a == null ? null : a.by(), a == null ? null : a.at(), a == null ? null : a.gateOverridden(),
                    v.article());
        }).toList();
        return Optional.of(new ArticleHistory(articleId, published, latest, views));
    }

    /** What changed between two versions of an article, field by field. */
    VersionDiff diff(String articleId, int from, int to) {
        List<ArticleVersion> versions = store.versions(articleId);
        if (from < 1 || from > versions.size()) {
            throw new UnknownArticleVersion(articleId + "." + from);
        }
        if (to < 1 || to > versions.size()) {
            throw new UnknownArticleVersion(articleId + "." + to);
        }
        return VersionDiff.between(articleId, from, versions.get(from - 1).article(), to, versions.get(to - 1).article());
    }

    private Set<String> publishedTopics() {
        Set<String> topics = new HashSet<>();
        for (String id : store.published().versions().keySet()) {
            topics.add(id.substring(id.indexOf('-') + 1));
        }
        return topics;
    }

    /** Imports and roll-backs were live at once, a draft once approved; a withdrawal never carries live content. */
    private static boolean wasPublished(ArticleVersion v, Map<Integer, Approval> approvals) {
        return switch (v.kind()) {
            case IMPORT, ROLLBACK -> true;
            case DRAFT -> approvals.containsKey(v.number());
            case WITHDRAWAL -> false;
        };
    }

    private static String requiredText(Map<String, Object> fields, String field) {
        if (!(fields.get(field) instanceof String s) || s.isBlank()) {
            throw new InvalidDraft(field, "field '" + field + "' is missing or not a text");
        }
        return s.strip();
    }

    /** The editable fields that differ; every field for a new article. */
    static List<String> changedFields(Article before, Article after) {
        if (before == null) {
            return EDITABLE;
        }
        return VersionDiff.between(before.id(), 0, before, 0, after).changes().stream().map(VersionDiff.FieldChange::field).toList();
    }
}
