package nl.loket.knowledge;

import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import nl.loket.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The editors' rules on the article store in a real Redis: versions are kept, four eyes, roll-back, diff. */
class KnowledgeEditingTest {

    static JedisPool pool;

    ArticleVersions store;
    KnowledgeEditing editing;
    final List<Long> releasesAnnounced = new ArrayList<>();
    final List<Article> gateAsked = new ArrayList<>();
    PublishGate.Report gateSays = new PublishGate.Report(120, 2, 2, 0, List.of());

    @BeforeAll
    static void connect() {
        pool = new JedisPool(URI.create(TestRedis.serverUrl()));
    }

    @AfterAll
    static void disconnect() {
        pool.close();
    }

    @BeforeEach
    void seededStore() {
        store = new ArticleVersions(pool, new RedisKeys("loket-editing-" + UUID.randomUUID()), new Json(JsonMapper.builder().build()));
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
        store.seedIfEmpty(() -> ArticleLoader.load("classpath:kb-fixtures/valid").stream()
                .map(a -> new ArticleVersion(1, ArticleVersion.Kind.IMPORT, a, "import", clock.instant(), List.of(), "", null, null))
                .toList());
        editing = new KnowledgeEditing(store, releasesAnnounced::add, KnowledgeEditingProperties.defaults(), clock, draft -> {
            gateAsked.add(draft);
            return gateSays;
        });
    }

    Map<String, Object> grofvuilWithSummary(String summary) {
        Article a = store.versions("nl-grofvuil").get(0).article();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("topic", a.topic());
        fields.put("language", a.language());
        fields.put("title", a.title());
        fields.put("summary", summary);
        fields.put("body", a.body());
        fields.put("source", a.source());
        fields.put("examples", a.examples());
        fields.put("keywords", a.keywords());
        fields.put("related", a.related());
        fields.put("note", "summary sharper");
        return fields;
    }

    @Test
    void seedingAnEmptyStoreImportsEveryFileOnceAsPublishedVersionOne() {
        store.seedIfEmpty(() -> {
            throw new AssertionError("a seeded store is not seeded again");
        });
        ArticleVersions.Published published = store.published();
        assertThat(published.release()).isEqualTo(1);
        assertThat(published.versions()).hasSize(20).containsEntry("nl-grofvuil", 1);
        assertThat(store.articles(published)).isEqualTo(ArticleLoader.load("classpath:kb-fixtures/valid"));
    }

    @Test
    void anEditorsChangeIsANewDraftVersionAndTheLiveVersionStaysUntilApproved() {
        ArticleVersion draft = editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op. Maak eerst een afspraak."));

        assertThat(draft.number()).isEqualTo(2);
        assertThat(draft.draftId()).isEqualTo("nl-grofvuil.2");
        assertThat(draft.author()).isEqualTo("anna");
        assertThat(draft.changed()).contains("summary").doesNotContain("title", "body");
        assertThat(draft.basedOn()).isEqualTo(1);
        assertThat(store.publishedVersion("nl-grofvuil")).contains(1);
        assertThat(store.versions("nl-grofvuil")).hasSize(2);
        assertThat(releasesAnnounced).isEmpty();
        ArticleSummary listed = editing.list("grofvuil", "nl").get(0);
        assertThat(listed.status()).isEqualTo("DRAFT");
        assertThat(listed.draft()).isEqualTo("nl-grofvuil.2");
        assertThat(listed.publishedVersion()).isEqualTo(1);
        assertThat(listed.reviewDue()).isEqualTo(listed.lastReviewed().plusDays(365));
    }

    @Test
    void theAuthorOfADraftCannotApproveIt() {
        ArticleVersion draft = editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op. Maak eerst een afspraak."));

        assertThatThrownBy(() -> editing.approve("anna", DraftId.parse(draft.draftId()), false))
                .isInstanceOf(SelfApprovalRefused.class)
                .satisfies(e -> assertThat(((SelfApprovalRefused) e).status()).isEqualTo(403))
                .hasMessageContaining("another editor must approve it");
        assertThat(store.publishedVersion("nl-grofvuil")).contains(1);
        assertThat(releasesAnnounced).isEmpty();
    }

    @Test
    void anotherEditorsApprovalPublishesTheDraftAndRaisesTheRelease() {
        ArticleVersion draft = editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op. Maak eerst een afspraak."));

        ArticleVersions.Publication done = editing.approve("bram", DraftId.parse(draft.draftId()), false);

        assertThat(done.version().number()).isEqualTo(2);
        assertThat(done.release()).isEqualTo(2);
        assertThat(releasesAnnounced).containsExactly(2L);
        assertThat(store.publishedVersion("nl-grofvuil")).contains(2);
        VersionView approved = editing.history("nl-grofvuil").orElseThrow().versions().get(1);
        assertThat(approved.status()).isEqualTo("PUBLISHED");
        assertThat(approved.author()).isEqualTo("anna");
        assertThat(approved.approvedBy()).isEqualTo("bram");
        assertThat(approved.note()).isEqualTo("summary sharper");
        assertThat(editing.history("nl-grofvuil").orElseThrow().versions().get(0).status()).isEqualTo("REPLACED");
        assertThat(store.articles(store.published())).filteredOn(a -> a.id().equals("nl-grofvuil"))
                .extracting(Article::summary).containsExactly("Grofvuil haalt de gemeente gratis op. Maak eerst een afspraak.");
    }

    @Test
    void aDraftIsApprovedOnlyOnce() {
        ArticleVersion draft = editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op."));
        editing.approve("bram", DraftId.parse(draft.draftId()), false);

        assertThatThrownBy(() -> editing.approve("carla", DraftId.parse(draft.draftId()), false)).isInstanceOf(VersionNotADraft.class);
    }

    @Test
    void aNewerDraftSupersedesAnOlderOne() {
        ArticleVersion first = editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op."));
        editing.saveDraft("carla", grofvuilWithSummary("Grofvuil haalt de gemeente gratis bij u op."));

        assertThatThrownBy(() -> editing.approve("bram", DraftId.parse(first.draftId()), false))
                .isInstanceOf(DraftSuperseded.class).hasMessageContaining("version 3");
        assertThat(editing.history("nl-grofvuil").orElseThrow().versions()).extracting(VersionView::status)
                .containsExactly("PUBLISHED", "SUPERSEDED", "DRAFT");
    }

    @Test
    void aDraftThatBreaksTheArticleRulesIsRefusedNamingTheFieldAndNothingIsStored() {
        assertThatThrownBy(() -> editing.saveDraft("anna", grofvuilWithSummary("x".repeat(301))))
                .isInstanceOf(InvalidDraft.class)
                .satisfies(e -> assertThat(((InvalidDraft) e).field()).isEqualTo("summary"))
                .hasMessageContaining("at most 300 fit two SMS segments");
        Map<String, Object> httpSource = grofvuilWithSummary("Grofvuil haalt de gemeente gratis op.");
        httpSource.put("source", "http://www.nijmegen.nl/grofvuil");
        assertThatThrownBy(() -> editing.saveDraft("anna", httpSource))
                .isInstanceOf(InvalidDraft.class).satisfies(e -> assertThat(((InvalidDraft) e).field()).isEqualTo("source"));
        Map<String, Object> fewExamples = grofvuilWithSummary("Grofvuil haalt de gemeente gratis op.");
        fewExamples.put("examples", List.of("grofvuil"));
        assertThatThrownBy(() -> editing.saveDraft("anna", fewExamples))
                .isInstanceOf(InvalidDraft.class).satisfies(e -> assertThat(((InvalidDraft) e).field()).isEqualTo("examples"));
        Map<String, Object> unknownRelated = grofvuilWithSummary("Grofvuil haalt de gemeente gratis op.");
        unknownRelated.put("related", List.of("bestaat-niet"));
        assertThatThrownBy(() -> editing.saveDraft("anna", unknownRelated))
                .isInstanceOf(InvalidDraft.class).satisfies(e -> assertThat(((InvalidDraft) e).field()).isEqualTo("related"));
        Map<String, Object> listAsText = grofvuilWithSummary("Grofvuil haalt de gemeente gratis op.");
        listAsText.put("keywords", "grofvuil");
        assertThatThrownBy(() -> editing.saveDraft("anna", listAsText))
                .isInstanceOf(InvalidDraft.class).satisfies(e -> assertThat(((InvalidDraft) e).field()).isEqualTo("keywords"));

        assertThat(store.versions("nl-grofvuil")).hasSize(1);
    }

    @Test
    void aRollBackPublishesTheEarlierContentAgainAsANewVersion() {
        ArticleVersion draft = editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op."));
        editing.approve("bram", DraftId.parse(draft.draftId()), false);

        ArticleVersions.Publication rolledBack = editing.rollBack("carla", "nl-grofvuil", 1, "de oude tekst was juist");

        assertThat(rolledBack.version().number()).isEqualTo(3);
        assertThat(rolledBack.version().kind()).isEqualTo(ArticleVersion.Kind.ROLLBACK);
        assertThat(rolledBack.version().rolledBackTo()).isEqualTo(1);
        assertThat(rolledBack.version().author()).isEqualTo("carla");
        assertThat(rolledBack.version().changed()).containsExactly("summary", "lastReviewed");
        assertThat(rolledBack.version().article()).isEqualTo(store.versions("nl-grofvuil").get(0).article());
        assertThat(store.publishedVersion("nl-grofvuil")).contains(3);
        assertThat(releasesAnnounced).containsExactly(2L, 3L);
        assertThat(store.versions("nl-grofvuil")).hasSize(3);
    }

    @Test
    void aRollBackToAVersionThatWasNeverApprovedIsRefused() {
        editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op."));

        assertThatThrownBy(() -> editing.rollBack("anna", "nl-grofvuil", 2, ""))
                .isInstanceOf(RollbackToUnpublishedVersionRefused.class);
        assertThat(store.publishedVersion("nl-grofvuil")).contains(1);
    }

    @Test
    void theDiffShowsWhatChangedBetweenTwoVersions() {
        Map<String, Object> fields = grofvuilWithSummary("Grofvuil haalt de gemeente gratis op.");
        fields.put("body", fields.get("body") + "\n\nBel bij vragen met de gemeente.");
        editing.saveDraft("anna", fields);

        VersionDiff diff = editing.diff("nl-grofvuil", 1, 2);

        assertThat(diff.changes()).extracting(VersionDiff.FieldChange::field).contains("summary", "body").doesNotContain("title");
        VersionDiff.FieldChange body = diff.changes().stream().filter(c -> c.field().equals("body")).findFirst().orElseThrow();
        assertThat(body.lines()).contains("+ Bel bij vragen met de gemeente.").noneMatch(l -> l.startsWith("- "));
    }

    @Test
    void aNewArticleIsADraftWithoutALiveVersionUntilApproved() {
        Map<String, Object> fields = grofvuilWithSummary("Een hondenpenning krijgt u bij de gemeente.");
        fields.put("topic", "hondenbelasting");
        fields.put("title", "Hondenbelasting");

        ArticleVersion draft = editing.saveDraft("anna", fields);

        assertThat(draft.number()).isEqualTo(1);
        assertThat(draft.basedOn()).isNull();
        assertThat(draft.changed()).containsAll(List.of("title", "summary", "body"));
        assertThat(editing.list("hondenbelasting", null)).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("DRAFT"))
                .satisfies(s -> assertThat(s.publishedVersion()).isNull());
        assertThat(store.published().versions()).doesNotContainKey("nl-hondenbelasting");
    }

    @Test
    void anArticleSavedThroughTheEditorsFormUnchangedChangesNoField() {
        Article live = store.versions("nl-grofvuil").get(0).article();
        assertThat(live.steps()).isNotEmpty();

        ArticleVersion saved = editing.saveDraft("anna", DraftForm.of(live).fields());

        assertThat(saved.changed()).as("title, text, steps and lists come back as they were").isEmpty();
        assertThat(saved.article().body()).isEqualTo(live.body());
    }

    @Test
    void theFormsStepsBecomeTheBodysNumberedListWhateverNumbersTheEditorTyped() {
        DraftForm form = new DraftForm("nl-grofvuil", "grofvuil", "nl", "Grofvuil", "Kort.", "Een alinea.\n",
                "Maak een afspraak.\n\n2) Zet het buiten.\n 3. Klaar ", "a\nb\nc", "grofvuil", "", "https://x.nl/", "",
                "", "");
        assertThat(form.fullBody()).isEqualTo("Een alinea.\n\n1. Maak een afspraak.\n2. Zet het buiten.\n3. Klaar");
        assertThat(form.sketch().steps()).containsExactly("Maak een afspraak.", "Zet het buiten.", "Klaar");
    }

    @Test
    void checkingADraftForThePreviewStoresNothing() {
        int before = store.versions("nl-grofvuil").size();
        Article checked = editing.check(grofvuilWithSummary("Grofvuil haalt de gemeente op. Maak een afspraak."));
        assertThat(checked.summary()).isEqualTo("Grofvuil haalt de gemeente op. Maak een afspraak.");
        assertThat(store.versions("nl-grofvuil")).hasSize(before);
        assertThatThrownBy(() -> editing.check(grofvuilWithSummary("x".repeat(301))))
                .isInstanceOfSatisfying(InvalidDraft.class, e -> assertThat(e.field()).isEqualTo("summary"));
    }

    @Test
    void aDraftThatWouldAnswerMoreQuestionsWronglyIsNotPublishedAndTheRefusalSaysWhatGotWorse() {
        ArticleVersion draft = editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op. Maak eerst een afspraak."));
        PublishGate.Change worse = new PublishGate.Change("wanneer komt de vuilniswagen", "afval-containers",
                "ANSWERED afval-containers", "ANSWERED grofvuil", true);
        gateSays = new PublishGate.Report(120, 2, 3, 0, List.of(worse));

        assertThatThrownBy(() -> editing.approve("bram", DraftId.parse(draft.draftId()), false))
                .isInstanceOfSatisfying(PublishRefusedByEvaluation.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).contains("false answers 2 → 3");
                    assertThat(e.report().changes()).containsExactly(worse);
                });
        assertThat(gateAsked).extracting(Article::summary).containsExactly("Grofvuil haalt de gemeente gratis op. Maak eerst een afspraak.");
        assertThat(store.publishedVersion("nl-grofvuil")).contains(1);
        assertThat(releasesAnnounced).isEmpty();
    }

    @Test
    void aDraftThatNoLongerHandlesACrisisMessageIsNotPublishedEvenWithoutMoreFalseAnswers() {
        ArticleVersion draft = editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op. Maak eerst een afspraak."));
        gateSays = new PublishGate.Report(120, 2, 2, 1, List.of());

        assertThatThrownBy(() -> editing.approve("bram", DraftId.parse(draft.draftId()), false))
                .isInstanceOf(PublishRefusedByEvaluation.class).hasMessageContaining("crisis messages no longer handled 1");
        assertThat(store.publishedVersion("nl-grofvuil")).contains(1);
    }

    @Test
    void aSupervisorMayPublishDespiteTheGateAndTheVersionKeepsWhatTheGateFound() {
        ArticleVersion draft = editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op. Maak eerst een afspraak."));
        gateSays = new PublishGate.Report(120, 2, 3, 0, List.of());

        editing.approve("sanne", DraftId.parse(draft.draftId()), true);

        assertThat(store.publishedVersion("nl-grofvuil")).contains(2);
        VersionView published = editing.history("nl-grofvuil").orElseThrow().versions().get(1);
        assertThat(published.approvedBy()).isEqualTo("sanne");
        assertThat(published.gateOverridden()).contains("false answers 2 → 3");
    }

    @Test
    void aDraftTheGatePassesKeepsNoOverrideNoteAndFourEyesAreCheckedBeforeTheGateRuns() {
        ArticleVersion draft = editing.saveDraft("anna", grofvuilWithSummary("Grofvuil haalt de gemeente gratis op. Maak eerst een afspraak."));

        assertThatThrownBy(() -> editing.approve("anna", DraftId.parse(draft.draftId()), true)).isInstanceOf(SelfApprovalRefused.class);
        assertThat(gateAsked).as("no questions run for an approval four eyes refuse").isEmpty();
        editing.approve("bram", DraftId.parse(draft.draftId()), true);
        assertThat(editing.history("nl-grofvuil").orElseThrow().versions().get(1).gateOverridden()).isNull();
    }
}
