package nl.loket.knowledge;

import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import nl.loket.support.WorkbenchSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the editors' pages over HTTP, as a browser sends them (form login, session, CSRF): only an EDITOR
 * comes in, a form without its CSRF token is refused, four eyes holds, and a refused draft comes back with what the
 * editor typed. One instance on its own key prefix, so the drafts and publishes here touch no other test.
 */
class RedactiePagesIT {

    static LoketInstance loket;
    static int port;

    @BeforeAll
    static void start() {
        loket = new LoketInstance(TestRedis.serverUrl(), "loket-redactie-" + UUID.randomUUID(), KnowledgePublishingIT.editors());
        port = URI.create(loket.url("/")).getPort();
    }

    @AfterAll
    static void stop() {
        if (loket != null) {
            loket.close();
        }
    }

    static WorkbenchSession editor(String name) {
        WorkbenchSession session = new WorkbenchSession(port);
        assertThat(session.login(name, LoketInstance.AGENT_PASSWORD).statusCode()).isEqualTo(302);
        return session;
    }

    /** The fields of the published grofvuil article as the edit page fills them, with a new summary. */
    static Map<String, String> grofvuilWith(WorkbenchSession session, String summary) {
        Article live = loket.bean(CurrentKnowledge.class).current().article("grofvuil", "nl").orElseThrow();
        DraftForm form = DraftForm.of(live);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("article", form.article());
        fields.put("topic", form.topic());
        fields.put("language", form.language());
        fields.put("title", form.title());
        fields.put("summary", summary);
        fields.put("body", form.body());
        fields.put("steps", form.steps());
        fields.put("examples", form.examples());
        fields.put("keywords", form.keywords());
        fields.put("related", form.related());
        fields.put("source", form.source());
        fields.put("lastReviewed", form.lastReviewed());
        fields.put("note", "");
        session.get("/redactie/artikelen/nl-grofvuil/bewerken");
        return fields;
    }

    @Test
    void onlyAnEditorOpensTheEditorsPagesAnAgentGets403AndAnEditorLandsThereAfterLogin() {
        WorkbenchSession agent = new WorkbenchSession(port);
        assertThat(agent.login("agent0", LoketInstance.AGENT_PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("/agent");
        assertThat(agent.get("/redactie").statusCode()).isEqualTo(403);
        assertThat(agent.get("/redactie/artikelen/nl-grofvuil/bewerken").statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = new WorkbenchSession(port).get("/redactie");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/agent/login");

        WorkbenchSession editor = new WorkbenchSession(port);
        assertThat(editor.login("redacteur-a", LoketInstance.AGENT_PASSWORD).headers().firstValue("Location").orElseThrow())
                .as("an editor lands on the editors' pages, not on the queue she may not open").endsWith("/redactie");
        HttpResponse<String> list = editor.get("/redactie");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("nl-grofvuil").contains("Gepubliceerd");
        assertThat(list.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("the workbench's strict policy").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(list.body()).as("an English title is marked as English").contains("lang=\"en\">Bulky waste");
        assertThat(editor.get("/redactie/artikelen/en-grofvuil").body()).contains("<h1 lang=\"en\">");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsStored() {
        WorkbenchSession a = editor("redacteur-a");
        Map<String, String> fields = grofvuilWith(a, "Grofvuil haalt de gemeente op. Maak eerst een afspraak.");
        int before = versions();
        assertThat(a.postWithoutToken("/redactie/concept", fields).statusCode()).isEqualTo(403);
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aRefusedDraftComesBackWithWhatTheEditorTypedAndTheReasonBesideTheField() {
        WorkbenchSession a = editor("redacteur-a");
        String tooLong = "Grofvuil haalt de gemeente op. " + "Dit is heel veel tekst. ".repeat(14);
        Map<String, String> fields = grofvuilWith(a, tooLong);
        fields.put("note", "mijn eigen toelichting");
        int before = versions();

        HttpResponse<String> page = a.post("/redactie/concept", fields);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"summary-error\"").contains("Er passen er hoogstens 300 in twee sms-delen")
                .contains("aria-invalid=\"true\"")
                .contains(tooLong.strip()).contains("mijn eigen toelichting")
                .contains("Het concept is niet opgeslagen");
        assertThat(versions()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void theAuthorCannotApproveTheirOwnDraftASecondEditorCan() {
        WorkbenchSession a = editor("redacteur-a");
        Map<String, String> fields = grofvuilWith(a, "Grofvuil haalt de gemeente gratis op. Maak eerst een afspraak. "
                + UUID.randomUUID().toString().substring(0, 4));
        HttpResponse<String> saved = a.submit("/redactie/concept", fields);
        assertThat(saved.body()).contains("is opgeslagen");
        ArticleSummary waiting = loket.bean(KnowledgeEditing.class).list("grofvuil", "nl").get(0);
        assertThat(waiting.status()).isEqualTo("DRAFT");

        HttpResponse<String> refused = a.submit("/redactie/artikelen/nl-grofvuil/goedkeuren", Map.of("concept", waiting.draft()));
        assertThat(refused.body()).contains("U heeft dit concept zelf geschreven").contains("vier ogen");
        assertThat(loket.bean(KnowledgeEditing.class).list("grofvuil", "nl").get(0).status()).isEqualTo("DRAFT");

        WorkbenchSession b = editor("redacteur-b");
        b.get("/redactie/artikelen/nl-grofvuil");
        HttpResponse<String> approved = b.submit("/redactie/artikelen/nl-grofvuil/goedkeuren", Map.of("concept", waiting.draft()));
        assertThat(approved.body()).contains("is goedgekeurd en gepubliceerd");
        assertThat(loket.bean(KnowledgeEditing.class).list("grofvuil", "nl").get(0).status()).isEqualTo("PUBLISHED");
    }

    @Test
    void withoutJavaScriptTheTestBoxAnswersFromTheDraftAndNothingIsStored() {
        WorkbenchSession a = editor("redacteur-a");
        Map<String, String> fields = grofvuilWith(a, "Grofvuil haalt de gemeente op dinsdag op. Maak eerst een afspraak.");
        fields.put("question", "Wanneer wordt mijn grofvuil opgehaald?");
        fields.put("actie", "test");
        int before = versions();

        HttpResponse<String> page = a.post("/redactie/concept", fields);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-outcome=\"ANSWERED\"").contains("id=\"test-topic\">grofvuil<")
                .contains("Grofvuil haalt de gemeente op dinsdag op.");
        assertThat(page.body()).as("the SMS preview keeps the link").contains("id=\"sms-text\"").contains("(GSM-7)");
        assertThat(versions()).as("nothing stored").isEqualTo(before);
    }

    private static int versions() {
        return loket.bean(KnowledgeEditing.class).history("nl-grofvuil").orElseThrow().latestVersion();
    }

    @Test
    void anUnansweredQuestionBecomesAnExampleOfAnArticleOrStartsANewOneAsADraftTheEditorChecks() {
        LoketInstance.Chat chat = loket.openChat();
        String question = "waar kan ik met mijn kano de waal op bij lent";
        HttpResponse<String> sent = loket.sendChat(chat, question);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("\"outcome\":\"ESCALATED\"");
        UnansweredQuestions unanswered = loket.bean(UnansweredQuestions.class);
        UnansweredQuestions.Group group = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> unanswered.lastDays(UnansweredQuestions.DAYS).stream()
                        .filter(g -> g.examples().contains(question)).findFirst().orElse(null), java.util.Objects::nonNull);
        int before = versions();

        WorkbenchSession a = editor("redacteur-a");
        HttpResponse<String> list = a.get("/redactie/vragen");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(question).contains("Nieuw artikel met deze vragen");

        // As an example of an existing article: the draft form, filled in, with the question under the examples.
        HttpResponse<String> asExample = a.submit("/redactie/vragen/voorbeeld", Map.of("artikel", "nl-grofvuil", "vraag", question));
        assertThat(asExample.statusCode()).isEqualTo(200);
        assertThat(asExample.body()).contains("De vraag staat onderaan bij de voorbeeldvragen")
                .containsPattern("(?s)<textarea[^>]*name=\"examples\"[^>]*>.*" + question + "\\s*</textarea>");
        assertThat(versions()).as("nothing saved before the editor saves").isEqualTo(before);

        // A whole group as a new article.
        HttpResponse<String> asNew = a.submit("/redactie/vragen/nieuw-artikel", Map.of("term", group.term()));
        assertThat(asNew.statusCode()).isEqualTo(200);
        assertThat(asNew.body()).contains("Schrijf het artikel en sla het op").contains(question);

        // Only what the list shows: other text, an unknown article or group goes back to the list with a message.
        HttpResponse<String> other = a.submit("/redactie/vragen/voorbeeld", Map.of("artikel", "nl-grofvuil", "vraag", "iets anders"));
        assertThat(other.body()).contains("Deze vraag staat niet (meer) in de lijst").contains("Redactie: vragen zonder antwoord");
        assertThat(a.post("/redactie/vragen/voorbeeld", Map.of("artikel", "nl-bestaat-niet", "vraag", question)).statusCode())
                .isEqualTo(302);
        assertThat(a.post("/redactie/vragen/nieuw-artikel", Map.of("term", "bestaat-niet")).statusCode()).isEqualTo(302);
        assertThat(a.postWithoutToken("/redactie/vragen/voorbeeld", Map.of("artikel", "nl-grofvuil", "vraag", question))
                .statusCode()).isEqualTo(403);
        assertThat(versions()).isEqualTo(before);
        assertThat(list.body()).contains("Met de kennisbank van nu zou de assistent 0 van deze 1 vragen beantwoorden");

        // Saved as an example and published (four eyes): replayed on the new version, the question is answered now.
        Map<String, String> fields = grofvuilWith(a, loket.bean(CurrentKnowledge.class).current()
                .article("grofvuil", "nl").orElseThrow().summary());
        fields.put("examples", fields.get("examples") + "\n" + question);
        assertThat(a.submit("/redactie/concept", fields).body()).contains("is opgeslagen");
        String draft = loket.bean(KnowledgeEditing.class).list("grofvuil", "nl").get(0).draft();
        WorkbenchSession b = editor("redacteur-b");
        b.get("/redactie/artikelen/nl-grofvuil");
        assertThat(b.submit("/redactie/artikelen/nl-grofvuil/goedkeuren", Map.of("concept", draft)).body())
                .contains("is goedgekeurd en gepubliceerd");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> a.get("/redactie/vragen").body()
                .contains("Met de kennisbank van nu zou de assistent 1 van deze 1 vragen beantwoorden"));
        assertThat(a.get("/redactie/vragen").body()).contains("nu beantwoord: grofvuil");
        assertThat(unanswered.questions(UnansweredQuestions.DAYS, 100)).as("replaying stored and counted nothing")
                .containsExactly(question);
    }

    @Test
    void theExportHoldsEveryPublishedArticleAsAMarkdownFileThatReadsBackAsTheSameArticle() throws Exception {
        HttpResponse<byte[]> zip = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(loket.url("/api/knowledge/export")))
                .header("Authorization", LoketInstance.basic("redacteur-a")[1]).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");

        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("kennisbank");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                java.nio.file.Path file = folder.resolve(entry.getName()).normalize();
                assertThat(file.startsWith(folder)).as("stays in the folder: " + entry.getName()).isTrue();
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.write(file, in.readAllBytes());
            }
        }
        List<Article> exported = ArticleLoader.load(folder.toString());
        List<Article> published = loket.bean(CurrentKnowledge.class).current().articles();
        assertThat(exported).hasSameSizeAs(published).hasSizeGreaterThan(40);
        for (Article live : published) {
            assertThat(exported).as(live.id()).contains(live);
        }

        assertThat(loket.agentGet("agent0", "/api/knowledge/export").statusCode()).as("agents do not export").isEqualTo(403);
        WorkbenchSession a = editor("redacteur-a");
        HttpResponse<String> page = a.get("/redactie/export");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Disposition").orElse("")).contains("kennisbank.zip");
    }

    @Test
    void editorsFindAnArticleByAWordOfItsTextNotOnlyByItsTitle() {
        HttpResponse<String> api = loket.agentGet("redacteur-a", "/api/knowledge/articles?q=KRINGLOOP%20brengen");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"id\":\"nl-grofvuil\"").doesNotContain("\"id\":\"nl-paspoort\"");
        assertThat(loket.agentGet("redacteur-a", "/api/knowledge/articles?q=kringloop%20paspoort").body())
                .as("every word must be there").doesNotContain("nl-grofvuil");

        HttpResponse<String> page = editor("redacteur-a").get("/redactie?q=kringloop");
        assertThat(page.body()).contains("data-article=\"nl-grofvuil\"").doesNotContain("data-article=\"nl-paspoort\"");
    }

    @Test
    void anArticleGoesOfflineOnlyWhenASecondEditorApprovesAndComesBackWithARollBack() {
        KnowledgeEditing editing = loket.bean(KnowledgeEditing.class);
        int live = editing.history("nl-rijbewijs").orElseThrow().publishedVersion();
        WorkbenchSession a = editor("redacteur-a");
        a.get("/redactie/artikelen/nl-rijbewijs");
        assertThat(a.submit("/redactie/artikelen/nl-rijbewijs/offline-halen", Map.of("reden", " ")).body())
                .contains("Schrijf waarom het artikel offline gaat");
        HttpResponse<String> proposed = a.submit("/redactie/artikelen/nl-rijbewijs/offline-halen",
                Map.of("reden", "De landelijke regels veranderen; eerst nieuwe tekst"));
        assertThat(proposed.body()).contains("Voorstel om het artikel offline te halen").contains("Voorstel om offline te halen, versie");
        String proposal = editing.list("rijbewijs", "nl").get(0).draft();
        assertThat(loket.bean(CurrentKnowledge.class).current().articles()).as("still live")
                .anyMatch(article -> article.id().equals("nl-rijbewijs"));

        assertThat(a.submit("/redactie/artikelen/nl-rijbewijs/goedkeuren", Map.of("concept", proposal)).body())
                .contains("U heeft dit concept zelf geschreven");
        WorkbenchSession b = editor("redacteur-b");
        b.get("/redactie/artikelen/nl-rijbewijs");
        assertThat(b.submit("/redactie/artikelen/nl-rijbewijs/goedkeuren", Map.of("concept", proposal)).body())
                .contains("Het artikel is offline gehaald").contains("Offline gehaald");
        assertThat(editing.list("rijbewijs", "nl").get(0).status()).isEqualTo("WITHDRAWN");
        // Live once the knowledge base is rebuilt without it (one training of the topic categorizer, 15-30 s here).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                .until(() -> loket.bean(CurrentKnowledge.class).current().articles().stream()
                        .noneMatch(article -> article.id().equals("nl-rijbewijs")));
        assertThat(loket.agentGet("redacteur-a", "/api/knowledge/articles?topic=rijbewijs&language=nl").body())
                .contains("\"status\":\"WITHDRAWN\"");

        // The API says why not; an article that is not live cannot be taken offline again.
        HttpResponse<String> noNote = loket.agentPost("redacteur-a", "/api/knowledge/articles/nl-rijbewijs/withdraw", "{}");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(loket.agentPost("redacteur-a", "/api/knowledge/articles/nl-rijbewijs/withdraw", "{\"note\":\"nog eens\"}")
                .statusCode()).isEqualTo(404);

        // Rolling back to the version that was live publishes it again.
        b.get("/redactie/artikelen/nl-rijbewijs");
        assertThat(b.submit("/redactie/artikelen/nl-rijbewijs/terugzetten", Map.of("versie", String.valueOf(live))).statusCode())
                .isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                .until(() -> loket.bean(CurrentKnowledge.class).current().articles().stream()
                        .anyMatch(article -> article.id().equals("nl-rijbewijs")));
        assertThat(editing.list("rijbewijs", "nl").get(0).status()).isEqualTo("PUBLISHED");
    }
}
