package nl.loket.knowledge;

import nl.loket.support.LoketInstance;
import nl.loket.support.TestRedis;
import nl.loket.support.WorkbenchSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Editors change an article through the API; after a second editor approves it the assistant answers with the new
 * text on this instance at once and on another instance on the same Redis within seconds, without a restart; a new
 * instance starts on it.
 */
class KnowledgePublishingIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String QUESTION = "Wanneer wordt mijn grofvuil opgehaald?";
    static final String NEW_SUMMARY = "Grofvuil haalt de gemeente gratis bij u op. Maak eerst online een afspraak. "
            + "Zet het op de ophaaldag voor half acht buiten.";

    static final List<String> BINS_QUESTIONS = List.of("mijn kliko is kapot, hoe krijg ik een nieuwe",
            "wanneer wordt de groene bak geleegd in mijn straat", "ik ben mijn pasje voor de ondergrondse container kwijt");
    static final String NO_ARTICLE_QUESTION = "waar koop ik een nieuwe driezitter";

    static String[] editors(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--loket.agents[2].username=redacteur-a", "--loket.agents[2].password={noop}" + LoketInstance.AGENT_PASSWORD,
                "--loket.agents[2].roles[0]=EDITOR",
                "--loket.agents[3].username=redacteur-b", "--loket.agents[3].password={noop}" + LoketInstance.AGENT_PASSWORD,
                "--loket.agents[3].roles[0]=EDITOR",
                "--loket.agents[4].username=teamleider", "--loket.agents[4].password={noop}" + LoketInstance.AGENT_PASSWORD,
                "--loket.agents[4].roles[0]=EDITOR", "--loket.agents[4].roles[1]=SUPERVISOR"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void anApprovedChangeIsAnsweredOnEveryInstanceWithoutARestartAndOnlyAfterASecondEditorApprovesIt() {
        String prefix = "loket-knowledge-" + UUID.randomUUID();
        String redis = TestRedis.serverUrl();
        try (LoketInstance first = new LoketInstance(redis, prefix, editors());
             // Checks of the release are switched off here: only the publish notice can make this instance switch.
             LoketInstance second = new LoketInstance(redis, prefix, editors("--loket.knowledge.editing.check-interval=1h"))) {

            String before = answer(first);
            assertThat(before).doesNotContain("half acht");

            JsonNode article = JSON.readTree(first.agentGet("redacteur-a", "/api/knowledge/articles/nl-grofvuil").body());
            assertThat(article.get("publishedVersion").asInt()).isEqualTo(1);
            ObjectNode draft = (ObjectNode) article.get("versions").get(0).get("article").deepCopy();
            draft.remove(List.of("id", "lastReviewed", "sample"));
            draft.put("summary", NEW_SUMMARY);
            draft.put("note", "ophaaltijd concreet");

            HttpResponse<String> saved = first.agentPost("redacteur-a", "/api/knowledge/drafts", JSON.writeValueAsString(draft));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
            JsonNode savedDraft = JSON.readTree(saved.body());
            assertThat(savedDraft.get("status").asString()).isEqualTo("DRAFT");
            assertThat(savedDraft.get("version").asInt()).isEqualTo(2);
            String draftId = savedDraft.get("id").asString();
            assertThat(answer(first)).as("a draft is not live").doesNotContain("half acht");

            HttpResponse<String> byAuthor = first.agentPost("redacteur-a", "/api/knowledge/drafts/" + draftId + "/approve", "");
            assertThat(byAuthor.statusCode()).isEqualTo(403);
            assertThat(byAuthor.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(byAuthor.body()).contains("another editor must approve it");
            assertThat(first.agentPost("agent0", "/api/knowledge/drafts/" + draftId + "/approve", "").statusCode())
                    .as("an agent is no editor").isEqualTo(403);

            HttpResponse<String> approved = first.agentPost("redacteur-b", "/api/knowledge/drafts/" + draftId + "/approve", "");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            JsonNode published = JSON.readTree(approved.body());
            assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
            assertThat(published.get("version").asInt()).isEqualTo(2);

            assertThat(answer(first)).contains("voor half acht buiten");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> second.bean(CurrentKnowledge.class).release() == published.get("release").asLong());
            assertThat(answer(second)).contains("voor half acht buiten");

            try (LoketInstance third = new LoketInstance(redis, prefix, editors())) {
                assertThat(answer(third)).as("a new instance starts on the published release").contains("voor half acht buiten");
            }
        }
    }

    @Test
    void aDraftThatBreaksTheRulesIsAProblemNamingTheField() {
        String prefix = "loket-knowledge-" + UUID.randomUUID();
        try (LoketInstance loket = new LoketInstance(TestRedis.serverUrl(), prefix, editors())) {
            String tooLong = "x".repeat(301);
            HttpResponse<String> refused = loket.agentPost("redacteur-a", "/api/knowledge/drafts",
                    "{\"topic\":\"grofvuil\",\"language\":\"nl\",\"title\":\"Grofvuil\",\"summary\":\"" + tooLong + "\","
                            + "\"body\":\"Tekst.\\n\\n1. Stap.\",\"source\":\"https://www.nijmegen.nl/grofvuil/\","
                            + "\"examples\":[\"a\",\"b\",\"c\"],\"keywords\":[\"grofvuil\"]}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).get("field").asString()).isEqualTo("summary");
            JsonNode article = JSON.readTree(loket.agentGet("redacteur-a", "/api/knowledge/articles/nl-grofvuil").body());
            assertThat(article.get("versions").size()).as("nothing stored").isEqualTo(1);
        }
    }

    /**
     * On a small fixture knowledge base with a few labelled questions: an editor adds examples that belong elsewhere
     * (the bins' questions, and a question no article answers) to the grofvuil article.
     */
    @Test
    void aDraftThatTakesOverOtherQuestionsIsRefusedWithWhatChangedAndOnlyASupervisorMayPublishItAnyway(@TempDir Path temp)
            throws IOException {
        Path kb = AskedQuestionsTest.copyOfValid(temp);
        Files.writeString(kb.resolve("questions/asked.txt"), String.join("\n", BINS_QUESTIONS.stream()
                .map(q -> "nl|afval-containers|" + q).toList()) + "\nnl|-|" + NO_ARTICLE_QUESTION + "\n");
        String prefix = "loket-knowledge-" + UUID.randomUUID();
        try (LoketInstance loket = new LoketInstance(TestRedis.serverUrl(), prefix,
                editors("--loket.knowledge.location=" + kb))) {
            JsonNode article = JSON.readTree(loket.agentGet("redacteur-a", "/api/knowledge/articles/nl-grofvuil").body());
            ObjectNode draft = (ObjectNode) article.get("versions").get(0).get("article").deepCopy();
            draft.remove(List.of("id", "lastReviewed", "sample"));
            var examples = draft.putArray("examples");
            article.get("versions").get(0).get("article").get("examples").forEach(examples::add);
            BINS_QUESTIONS.forEach(examples::add);
            examples.add(NO_ARTICLE_QUESTION);
            HttpResponse<String> saved = loket.agentPost("redacteur-a", "/api/knowledge/drafts", JSON.writeValueAsString(draft));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
            String draftId = JSON.readTree(saved.body()).get("id").asString();

            HttpResponse<String> refused = loket.agentPost("redacteur-b", "/api/knowledge/drafts/" + draftId + "/approve", "");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode gate = JSON.readTree(refused.body()).get("gate");
            assertThat(gate.get("falseAnswersAfter").asInt()).as(gate.toString())
                    .isGreaterThan(gate.get("falseAnswersBefore").asInt());
            assertThat(gate.get("changes").valueStream().filter(c -> c.get("worse").asBoolean())
                    .map(c -> c.get("after").asString())).as(gate.toString()).contains("ANSWERED grofvuil");
            assertThat(JSON.readTree(loket.agentGet("redacteur-a", "/api/knowledge/articles/nl-grofvuil").body())
                    .get("publishedVersion").asInt()).as("nothing published").isEqualTo(1);

            // The editors' page says the same in words, with the table of what changed; only a supervisor sees "Toch publiceren".
            int port = URI.create(loket.url("/")).getPort();
            WorkbenchSession editor = new WorkbenchSession(port);
            assertThat(editor.login("redacteur-b", LoketInstance.AGENT_PASSWORD).statusCode()).isEqualTo(302);
            editor.get("/redactie/artikelen/nl-grofvuil");
            HttpResponse<String> page = editor.submit("/redactie/artikelen/nl-grofvuil/goedkeuren", Map.of("concept", draftId));
            assertThat(page.body()).contains("Niet gepubliceerd").contains("Wat verandert er met dit concept")
                    .contains("ANSWERED grofvuil").doesNotContain("approve-override");
            WorkbenchSession lead = new WorkbenchSession(port);
            assertThat(lead.login("teamleider", LoketInstance.AGENT_PASSWORD).statusCode()).isEqualTo(302);
            lead.get("/redactie/artikelen/nl-grofvuil");
            assertThat(lead.submit("/redactie/artikelen/nl-grofvuil/goedkeuren", Map.of("concept", draftId)).body())
                    .contains("approve-override").contains("Toch publiceren");

            assertThat(loket.agentPost("redacteur-b", "/api/knowledge/drafts/" + draftId + "/approve?override=true", "")
                    .statusCode()).as("an editor cannot override the gate").isEqualTo(403);
            HttpResponse<String> overridden = loket.agentPost("teamleider", "/api/knowledge/drafts/" + draftId + "/approve?override=true", "");
            assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);
            JsonNode version = JSON.readTree(loket.agentGet("redacteur-a", "/api/knowledge/articles/nl-grofvuil").body()).get("versions").get(1);
            assertThat(version.get("approvedBy").asString()).isEqualTo("teamleider");
            assertThat(version.get("gateOverridden").asString()).contains("false answers");
        }
    }

    /** The assistant's answer to the same question, through the chat as a resident asks it. */
    static String answer(LoketInstance loket) {
        HttpResponse<String> reply = loket.sendChat(loket.openChat(), QUESTION);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }
}
