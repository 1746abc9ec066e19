package nl.loket.insight;

import nl.loket.support.SteppedClock;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.platform.reactions.Reactions;
import nl.loket.contact.Identity;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.support.HandoffIntegrationTest;
import nl.loket.support.WorkbenchSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The indicators of one scripted day of traffic, driven through the real channel APIs and the agent API
 * with a clock the test moves, so every figure is known in advance. Runs in its own application context
 * (its own clock, on a day no other test writes to) and closes it afterwards.
 */
@Import(ServiceIndicatorsIT.Clocks.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceIndicatorsIT extends HandoffIntegrationTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** A Tuesday, 09:00. */
    static final ZonedDateTime T0 = ZonedDateTime.of(2031, 3, 4, 9, 0, 0, 0, AMSTERDAM);
    static final LocalDate DAY = T0.toLocalDate();
    static final String MONITOR = "prometheus";
    static final String EDITOR = "redacteur";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        SteppedClock steppedClock() {
            return new SteppedClock(T0);
        }
    }

    @DynamicPropertySource
    static void insightProperties(DynamicPropertyRegistry registry) {
        // the next free index after HandoffIntegrationTest's accounts
        registry.add("loket.agents[29].username", () -> MONITOR);
        registry.add("loket.agents[29].password", () -> "{noop}" + PASSWORD);
        registry.add("loket.agents[29].roles[0]", () -> "MONITORING");
        registry.add("loket.agents[30].username", () -> EDITOR);
        registry.add("loket.agents[30].password", () -> "{noop}" + PASSWORD);
        registry.add("loket.agents[30].roles[0]", () -> "EDITOR");
        // claims stay with their agent through the scripted day, whatever the clock says
        registry.add("loket.handoff.claim-timeout", () -> "8h");
    }

    @Autowired SteppedClock clock;
    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;
    @Autowired Reactions reactions;

    /** What the scripted day produced, for the assertions. */
    String articleId;
    String gapChat;
    String gapForm;

    @BeforeAll
    void scriptedDay() {
        ScriptedDay day = new ScriptedDay();
        day.run();
        // Insight counts in the background from the reactions outbox: wait until it has counted everything.
        await().atMost(Duration.ofSeconds(30)).until(() -> reactions.backlog() == 0);
        articleId = day.articleId;
        gapChat = day.gapChat;
        gapForm = day.gapForm;
    }

    /**
     * The day (times from 09:00):
     * <pre>
     * +0  chat A  asks how to get a passport                      → answered
     * +1  chat B  asks the same                                    → answered
     * +2  chat B  asks for a person                                → hand-off HUMAN_REQUESTED ("not helped")
     * +3  chat D  asks something the knowledge base does not know  → hand-off NO_ANSWER (gap)
     * +4  form E  asks something unknown, with a phone number      → hand-off NO_ANSWER (gap, redacted)
     * +5  SMS F   asks how to get a passport                       → answered
     * +6  phone G Tolkcontact call, asks for a person              → hand-off HUMAN_REQUESTED
     * +7  chat C  complains                                        → hand-off COMPLAINT
     * +8  agent claims B (waited 6 min);  +9 claims C (2 min);  +10 replies C (3 min: chat target met)
     * +12 replies B (10 min: chat target missed)
     * +13 form H  asks how to get a passport                      → answered
     * +14 form H  "Nee, niet geholpen"                             → hand-off NO_ANSWER ("not helped")
     * +15 agent claims E (11 min)
     * +20 closes B ANSWERED (contact 19 min);  +25 closes C COMPLAINT_HANDLED_INFORMALLY (18 min)
     * +30 A rates 4, C rates 2;  +31 A changes to 5
     * +75 replies E (71 min: web form target of 2 working days met);  +80 closes E ANSWERED (76 min)
     * D, G and H stay waiting.
     * </pre>
     */
    class ScriptedDay {
        String articleId;
        String gapChat;
        String gapForm;

        void run() {
            at(0);
            Chat a = chat();
            JsonNode answer = say(a, "Hoe vraag ik een paspoort aan?");
            assertThat(answer.get("outcome").asString()).isEqualTo("ANSWERED");
            articleId = answer.get("articleId").asString();

            at(1);
            Chat b = chat();
            assertThat(say(b, "Hoe vraag ik een paspoort aan?").get("outcome").asString()).isEqualTo("ANSWERED");
            at(2);
            assertEscalated(say(b, "Ik wil een medewerker spreken"), "HUMAN_REQUESTED");

            at(3);
            Chat d = chat();
            gapChat = "Mag ik een kangoeroe houden in mijn tuin?";
            assertEscalated(say(d, gapChat), "NO_ANSWER");

            at(4);
            gapForm = "Mag ik kippen houden? Mijn nummer is 0612345678";
            JsonNode form = form(Map.of("message", gapForm, "email", "e-" + UUID.randomUUID() + "@example.nl"));
            assertEscalated(form.get("reply"), "NO_ANSWER");
            String formConversation = contacts.conversationByReference(form.get("reference").asString()).orElseThrow().id();

            at(5);
            String phone = randomMobile();
            assertThat(sms(phone, "Hoe vraag ik een paspoort aan?")).contains("paspoort");
            assertThat(String.valueOf(contacts.history(contacts.residentIdOf(Identity.phone(phone)).orElseThrow())
                    .get(0).outcome())).isEqualTo("ANSWERED");

            at(6);
            HttpResponse<String> call = postTranscript("""
                    {"callId":"%s","from":"%s","to":"+31243290000","relay":"TOLKCONTACT",
                     "startedAt":"%s","endedAt":"%s",
                     "segments":[{"speaker":"INTERPRETER","text":"Meneer wil een medewerker spreken over zijn aanvraag."}]}"""
                    .formatted("call-" + UUID.randomUUID(), randomMobile(), T0.plusMinutes(3).toOffsetDateTime(),
                            T0.plusMinutes(6).toOffsetDateTime()));
            assertThat(call.statusCode()).as(call.body()).isEqualTo(202);
            assertEscalated(body(call).get("reply"), "HUMAN_REQUESTED");

            at(7);
            Chat c = chat();
            assertEscalated(say(c, "Ik ben echt boos, de medewerker aan de balie was onbeschoft"), "COMPLAINT");

            String agent = "agent0";
            HandoffTask taskB = taskOf(b);
            HandoffTask taskC = taskOf(c);
            HandoffTask taskE = handoff.taskOfConversation(formConversation).orElseThrow();
            at(8);
            ok(agentPost(agent, "/api/agent/handoffs/" + taskB.id() + "/claim", null));
            at(9);
            ok(agentPost(agent, "/api/agent/handoffs/" + taskC.id() + "/claim", null));
            at(10);
            ok(agentPost(agent, "/api/agent/handoffs/" + taskC.id() + "/messages", "{\"text\":\"Wat vervelend. Ik bel u vandaag.\"}"));
            at(12);
            ok(agentPost(agent, "/api/agent/handoffs/" + taskB.id() + "/messages", "{\"text\":\"Ik help u verder.\"}"));
            at(13);
            JsonNode formH = form(Map.of("message", "Hoe vraag ik een paspoort aan?", "email", "h-" + UUID.randomUUID() + "@example.nl"));
            assertThat(formH.get("reply").get("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(formH.get("reply").get("articleId").asString()).isEqualTo(articleId);
            at(14);
            String conversationH = contacts.conversationByReference(formH.get("reference").asString()).orElseThrow().id();
            assertThat(postForm("/contact/not-helped", params("conversation", conversationH)).statusCode()).isEqualTo(200);
            at(15);
            ok(agentPost(agent, "/api/agent/handoffs/" + taskE.id() + "/claim", null));
            at(20);
            ok(agentPost(agent, "/api/agent/handoffs/" + taskB.id() + "/close", "{\"resolution\":\"ANSWERED\"}"));
            at(25);
            ok(agentPost(agent, "/api/agent/handoffs/" + taskC.id() + "/close", "{\"resolution\":\"COMPLAINT_HANDLED_INFORMALLY\"}"));
            at(30);
            rate(a, 4);
            rate(c, 2);
            at(31);
            rate(a, 5);
            at(75);
            ok(agentPost(agent, "/api/agent/handoffs/" + taskE.id() + "/messages", "{\"text\":\"Ja, dat mag.\"}"));
            at(80);
            ok(agentPost(agent, "/api/agent/handoffs/" + taskE.id() + "/close", "{\"resolution\":\"ANSWERED\"}"));
        }

        private HandoffTask taskOf(Chat chat) {
            return handoff.taskOfConversation(contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id())
                    .orElseThrow();
        }

        private void rate(Chat chat, int score) {
            HttpResponse<String> r = postJson("/api/chat/sessions/" + chat.id() + "/satisfaction",
                    "{\"score\":" + score + "}", "Authorization", "Bearer " + chat.token());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    private void at(int minutes) {
        clock.set(T0.plusMinutes(minutes));
    }

    private static void assertEscalated(JsonNode reply, String reason) {
        assertThat(reply.get("outcome").asString()).as(reply.toString()).isEqualTo("ESCALATED");
        assertThat(reply.get("escalation").get("reason").asString()).as(reply.toString()).isEqualTo(reason);
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    private JsonNode indicators(String user, String query) {
        HttpResponse<String> r = agentGet(user, "/api/insight/indicators" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return body(r);
    }

    @Test
    void theScriptedDayGivesTheExpectedIndicators() {
        JsonNode i = indicators("supervisor", "?from=" + DAY + "&to=" + DAY);

        // volume
        assertThat(i.get("contacts").asLong()).isEqualTo(8);          // A B C D E F G H
        assertThat(i.get("messages").asLong()).isEqualTo(9);          // B wrote twice
        assertThat(i.get("answeredByAssistant").asLong()).isEqualTo(4); // A, B's first, F, H
        assertThat(i.get("answeredShare").asDouble()).isEqualTo(0.444); // 4 of 9 messages to the assistant
        assertThat(i.get("handedOff").asLong()).isEqualTo(6);         // B C D E G H
        assertThat(i.get("handedOffShare").asDouble()).isEqualTo(0.75); // 6 of 8 contacts
        assertThat(i.get("byReason").get("HUMAN_REQUESTED").asLong()).isEqualTo(2);
        assertThat(i.get("byReason").get("NO_ANSWER").asLong()).isEqualTo(3);   // D, E and H's "not helped"
        assertThat(i.get("byReason").get("COMPLAINT").asLong()).isEqualTo(1);
        assertThat(i.get("byReason").size()).isEqualTo(3);
        assertThat(i.get("relayContacts").asLong()).isEqualTo(1);
        assertThat(i.get("relayShare").asDouble()).isEqualTo(0.125);
        assertThat(i.get("languages").get("nl").asLong()).isEqualTo(8);
        assertThat(i.get("byTopic").get("paspoort").asLong()).isEqualTo(4);   // A, B's first, F, H; hand-offs carry no topic here
        assertThat(i.get("byTopic").size()).isEqualTo(1);
        JsonNode chat = i.get("byChannel").get("CHAT");
        assertThat(List.of(chat.get("contacts").asLong(), chat.get("messages").asLong(),
                chat.get("answeredByAssistant").asLong(), chat.get("handedOff").asLong())).containsExactly(4L, 5L, 2L, 3L);
        JsonNode form = i.get("byChannel").get("WEBFORM");
        assertThat(List.of(form.get("contacts").asLong(), form.get("answeredByAssistant").asLong(), form.get("handedOff").asLong()))
                .containsExactly(2L, 1L, 2L);
        assertThat(i.get("byChannel").get("SMS").get("answeredByAssistant").asLong()).isEqualTo(1);
        assertThat(i.get("byChannel").get("PHONE").get("relayContacts").asLong()).isEqualTo(1);

        // speed: first human replies 180, 600, 4260 s; queue waits 120, 360, 660 s; contacts closed after 1080, 1140, 4560 s
        assertDurations(i.get("firstReplySeconds"), 600.0, 4260.0, 3);
        assertDurations(i.get("queueWaitSeconds"), 360.0, 660.0, 3);
        assertDurations(i.get("closeSeconds"), 1140.0, 4560.0, 3);
        assertDurations(i.get("assistantReplySeconds"), 0.0, 0.0, 8);   // the clock stood still; phone has none
        assertDurations(chat.get("firstReplySeconds"), 390.0, 600.0, 2);
        JsonNode chatTarget = chat.get("firstReplyTarget");
        assertThat(chatTarget.get("target").asString()).isEqualTo("5 min");
        assertThat(List.of(chatTarget.get("met").asLong(), chatTarget.get("missed").asLong())).containsExactly(1L, 1L);
        assertThat(chatTarget.get("share").asDouble()).isEqualTo(0.5);
        JsonNode formTarget = form.get("firstReplyTarget");
        assertThat(formTarget.get("target").asString()).isEqualTo("2 werkdagen");
        assertThat(List.of(formTarget.get("met").asLong(), formTarget.get("missed").asLong())).containsExactly(1L, 0L);

        // outcome
        assertThat(i.get("resolutions").get("ANSWERED").asLong()).isEqualTo(2);
        assertThat(i.get("resolutions").get("COMPLAINT_HANDLED_INFORMALLY").asLong()).isEqualTo(1);
        assertThat(i.get("notHelped").asLong()).isEqualTo(2);                 // B in the chat, H on the web form
        JsonNode article = i.get("notHelpedArticles").get(0);
        assertThat(article.get("articleId").asString()).isEqualTo(articleId);
        assertThat(List.of(article.get("answers").asLong(), article.get("notHelped").asLong())).containsExactly(4L, 2L);
        assertThat(i.get("satisfaction").get("average").asDouble()).isEqualTo(3.5);   // A's 5 (changed from 4) and C's 2
        assertThat(i.get("satisfaction").get("responses").asLong()).isEqualTo(2);
        assertThat(i.get("satisfaction").get("responseRate").asDouble()).isEqualTo(0.5);     // 2 of the 4 chat contacts (only chat asks)
        assertThat(i.get("complaints").get("received").asLong()).isEqualTo(1);
        assertThat(i.get("complaints").get("handledInformally").asLong()).isEqualTo(1);

        // knowledge gaps: both unknown questions share "houden" (and "tuin"); newest first; the phone number redacted
        JsonNode gaps = i.get("knowledgeGaps");
        assertThat(gaps.size()).isEqualTo(1);
        assertThat(gaps.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(gaps.get(0).get("term").asString()).isEqualTo("houden");
        assertThat(gaps.get(0).get("example").asString()).isEqualTo("Mag ik kippen houden? Mijn nummer is [TELEFOON]");
        assertThat(gaps.get(0).get("examples").get(1).asString()).isEqualTo(gapChat);
        assertThat(i.toString()).doesNotContain("0612345678");

        // per day and week
        assertThat(i.get("byDay").size()).isEqualTo(1);
        assertThat(i.get("byDay").get(0).get("contacts").asLong()).isEqualTo(8);
        assertThat(i.get("byWeek").get(0).get("period").asString()).isEqualTo("2031-W10");
    }

    private static void assertDurations(JsonNode d, double median, double p90, int count) {
        assertThat(d.get("median").asDouble()).as(d.toString()).isEqualTo(median);
        assertThat(d.get("p90").asDouble()).as(d.toString()).isEqualTo(p90);
        assertThat(d.get("count").asInt()).as(d.toString()).isEqualTo(count);
    }

    @Test
    void aDayWithoutTrafficIsEmptyAndTheCsvHasTheSameFigures() {
        LocalDate before = DAY.minusDays(1);
        JsonNode empty = indicators("supervisor", "?from=" + before + "&to=" + before);
        assertThat(empty.get("contacts").asLong()).isZero();
        assertThat(empty.get("firstReplySeconds").get("count").asInt()).isZero();
        assertThat(empty.get("answeredShare").isNull()).isTrue();   // nothing to divide: no share, not 0
        assertThat(empty.get("firstReplySeconds").get("median").isNull()).isTrue();

        HttpResponse<String> csv = agentGet("supervisor", "/api/insight/indicators.csv?from=" + DAY + "&to=" + DAY);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("section,channel,item,value\r\n")
                .contains("\"volume\",\"ALL\",\"contacts\",8\r\n")
                .contains("\"speed\",\"ALL\",\"firstReplySeconds.median\",600.0\r\n")
                .contains("\"complaints\",\"ALL\",\"handledInformally\",1\r\n")
                .contains("\"channel\",\"CHAT\",\"firstReplyTargetShare\",0.5\r\n")
                .contains("\"knowledgeGap\",\"ALL\",\"houden: Mag ik kippen houden? Mijn nummer is [TELEFOON]\",2\r\n")
                .contains("\"articleNotHelped\",\"ALL\",\"" + articleId + " answers\",4\r\n")
                .contains("\"articleNotHelped\",\"ALL\",\"" + articleId + " notHelped\",2\r\n");
    }

    @Test
    void theEditorsListShowsEachArticlesAnswersAndNotHelpedOfTheLastThirtyDays() {
        HttpResponse<String> response = agentGet(EDITOR, "/api/knowledge/articles");
        ok(response);
        JsonNode articles = body(response).get("articles");
        JsonNode answered = null;
        JsonNode other = null;
        for (JsonNode article : articles) {
            if (article.get("id").asString().equals(articleId)) {
                answered = article;
            } else if (other == null) {
                other = article;
            }
        }
        assertThat(answered).as("the article the scripted day answered with, " + articleId).isNotNull();
        // four answers, after two of which a person was needed (the same figures as the supervisor's indicators)
        assertThat(answered.get("use").get("answers").asLong()).isEqualTo(4);
        assertThat(answered.get("use").get("notHelped").asLong()).isEqualTo(2);
        assertThat(answered.get("use").get("notHelpedPercent").asInt()).isEqualTo(50);
        assertThat(other.get("use").get("answers").asLong()).isZero();
        // without answers there is no share, not 0 % (the API leaves out what is null)
        assertThat(other.get("use").path("notHelpedPercent").isMissingNode() || other.get("use").get("notHelpedPercent").isNull())
                .isTrue();

        // the editors' page shows the same figures in its two new columns
        WorkbenchSession session = new WorkbenchSession(port);
        assertThat(session.login(EDITOR, PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> page = session.get("/redactie");
        ok(page);
        assertThat(page.body()).contains("Antwoorden (30 dagen)", "Niet geholpen", "2 (50%)");
    }

    @Test
    void onlySupervisorsReadTheIndicators() {
        assertThat(agentGet("agent0", "/api/insight/indicators").statusCode()).isEqualTo(403);
        assertThat(agentGet(MONITOR, "/api/insight/indicators").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = get("/api/insight/indicators");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(agentGet("agent0", "/api/insight/indicators.csv").statusCode()).isEqualTo(403);
        assertThat(agentGet("supervisor", "/api/insight/indicators").statusCode()).isEqualTo(200);
    }

    @Test
    void badPeriodsAreRefusedNamingTheParameter() {
        assertProblem("?from=2031-13-01&to=2031-03-04", "from");
        assertProblem("?from=2031-03-01&to=gisteren", "to");
        assertProblem("?from=2031-03-05&to=2031-03-04", "from");
        assertProblem("?from=2029-01-01&to=2031-03-04", "to");
    }

    private void assertProblem(String query, String parameter) {
        HttpResponse<String> r = agentGet("supervisor", "/api/insight/indicators" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(r).get("field").asString()).isEqualTo(parameter);
        assertThat(body(r).get("detail").asString()).contains(parameter);
    }

    @Test
    void prometheusNeedsAMonitoringOrSupervisorLogin() {
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(agentGet("agent0", "/actuator/prometheus").statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = agentGet(MONITOR, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("loket_contacts_total{channel=\"CHAT\"}")
                .contains("loket_handoffs_total{channel=\"CHAT\",reason=\"COMPLAINT\"}")
                .contains("loket_handoff_first_reply_seconds_count{channel=\"CHAT\"}")
                .contains("loket_handoff_queue_wait_seconds_count")
                .contains("loket_handoff_queue_depth{status=\"WAITING\"}");
        assertThat(agentGet("supervisor", "/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    /** The scripted day as the Markdown table in docs/insight.md; printed, and the docs must hold exactly it. */
    @Test
    void theDocsShowTheScriptedDayAsComputed() throws Exception {
        JsonNode i = indicators("supervisor", "?from=" + DAY + "&to=" + DAY);
        StringBuilder t = new StringBuilder("| indicator | all channels | chat | web form | SMS | phone |\n|---|---|---|---|---|---|\n");
        row(t, i, "contacts", "contacts");
        row(t, i, "resident messages", "messages");
        row(t, i, "answered by the assistant", "answeredByAssistant");
        row(t, i, "handed off to a person", "handedOff");
        row(t, i, "via Tolkcontact", "relayContacts");
        t.append("| first human reply, median / p90 (s) | ").append(dur(i.get("firstReplySeconds")));
        for (String c : CHANNELS) {
            t.append(" | ").append(dur(i.get("byChannel").get(c).get("firstReplySeconds")));
        }
        t.append(" |\n| queue wait, median / p90 (s) | ").append(dur(i.get("queueWaitSeconds")));
        for (String c : CHANNELS) {
            t.append(" | ").append(dur(i.get("byChannel").get(c).get("queueWaitSeconds")));
        }
        t.append(" |\n| first human reply within target (met / missed) | –");
        for (String c : CHANNELS) {
            JsonNode target = i.get("byChannel").get(c).get("firstReplyTarget");
            t.append(" | ").append(target.get("target").asString()).append(": ").append(target.get("met").asLong())
                    .append(" / ").append(target.get("missed").asLong());
        }
        t.append(" |\n");
        t.append("\n| indicator | value |\n|---|---|\n");
        t.append("| share answered by the assistant (of messages it handled) | ").append(i.get("answeredShare").asDouble()).append(" |\n");
        t.append("| share handed off (of contacts) | ").append(i.get("handedOffShare").asDouble()).append(" |\n");
        t.append("| hand-offs by reason | ").append(pairs(i.get("byReason"))).append(" |\n");
        t.append("| languages | ").append(pairs(i.get("languages"))).append(" |\n");
        t.append("| topics | ").append(pairs(i.get("byTopic"))).append(" |\n");
        t.append("| assistant reply, median / p90 (s) | ").append(dur(i.get("assistantReplySeconds"))).append(" |\n");
        t.append("| time to close, median / p90 (s) | ").append(dur(i.get("closeSeconds"))).append(" |\n");
        t.append("| resolutions | ").append(pairs(i.get("resolutions"))).append(" |\n");
        t.append("| not helped (answered, then handed off) | ").append(i.get("notHelped").asLong()).append(" |\n");
        t.append("| satisfaction: average / responses / response rate | ").append(i.get("satisfaction").get("average").asDouble())
                .append(" / ").append(i.get("satisfaction").get("responses").asLong()).append(" / ")
                .append(i.get("satisfaction").get("responseRate").asDouble()).append(" |\n");
        t.append("| complaints received / handled informally | ").append(i.get("complaints").get("received").asLong())
                .append(" / ").append(i.get("complaints").get("handledInformally").asLong()).append(" |\n");
        for (JsonNode gap : i.get("knowledgeGaps")) {
            t.append("| knowledge gap \"").append(gap.get("term").asString()).append("\" | ").append(gap.get("count").asLong())
                    .append(" ×, e.g. \"").append(gap.get("example").asString()).append("\" |\n");
        }
        for (JsonNode article : i.get("notHelpedArticles")) {
            t.append("| article ").append(article.get("articleId").asString()).append(": answers / not helped | ")
                    .append(article.get("answers").asLong()).append(" / ").append(article.get("notHelped").asLong()).append(" |\n");
        }
        String table = t.toString();
        System.out.println("SCRIPTED DAY\n" + table);
        assertThat(java.nio.file.Files.readString(Path.of("docs/insight.md")))
                .as("docs/insight.md must show the scripted day as computed; paste the table printed above")
                .contains(table);
    }

    private static final List<String> CHANNELS = List.of("CHAT", "WEBFORM", "SMS", "PHONE");

    private static void row(StringBuilder t, JsonNode i, String label, String field) {
        t.append("| ").append(label).append(" | ").append(i.get(field).asLong());
        for (String c : CHANNELS) {
            t.append(" | ").append(i.get("byChannel").get(c).get(field).asLong());
        }
        t.append(" |\n");
    }

    private static String dur(JsonNode d) {
        return d.get("median").isNull() ? "–" : d.get("median").asDouble() + " / " + d.get("p90").asDouble();
    }

    private static String pairs(JsonNode map) {
        StringBuilder out = new StringBuilder();
        map.properties().forEach(e -> out.append(out.isEmpty() ? "" : ", ").append(e.getKey()).append(" ").append(e.getValue().asLong()));
        return out.toString();
    }

    // ---- the supervisor dashboard in a real headless Chromium ----

    @Test
    void theDashboardShowsTheDayAccessiblyToSupervisorsOnly() throws Exception {
        assumeTrue(DashboardBrowser.available(), "Debian chromium and chromedriver are not installed");
        try (DashboardBrowser browser = new DashboardBrowser()) {
            browser.login(url("/agent/login"), "supervisor", PASSWORD);
            assertThat(browser.find("header nav").getText()).contains("Dashboard");
            browser.open(url("/agent/dashboard?from=" + DAY + "&to=" + DAY));
            browser.waitForCharts(3);

            assertThat(browser.find("h1").getText()).isEqualTo("Dashboard dienstverlening");
            assertThat(browser.find("#s-contacts").getText()).isEqualTo("8");
            assertThat(browser.find("#s-answered").getText()).isEqualTo("4 (44,4%)");
            assertThat(browser.find("#s-handed-off").getText()).isEqualTo("6 (75%)");
            assertThat(browser.find("#s-satisfaction").getText()).isEqualTo("3,5 (2 reacties, 50%)");
            assertThat(browser.find("#s-complaints").getText()).isEqualTo("1 (1)");
            assertThat(browser.find("#channels tr[data-channel='CHAT']").getText()).isEqualTo("Chat 4 5 2 3 0");
            assertThat(browser.find("#reasons tr[data-reason='COMPLAINT']").getText()).isEqualTo("Klacht 1");
            assertThat(browser.find("#targets tr[data-channel='CHAT']").getText()).isEqualTo("Chat 5 min 1 1 50% 6,5 min 4 min");
            assertThat(browser.find("#gaps").getText()).contains("houden").contains("[TELEFOON]").doesNotContain("0612345678");
            assertThat(browser.find("#resolutions").getText()).contains("Klacht informeel afgehandeld 1");
            // every chart is drawn from its table, and names that table in its label
            assertThat(browser.all("canvas[data-chart]")).allSatisfy(canvas ->
                    assertThat(canvas.getAttribute("aria-label")).contains("tabel"));
            assertThat(browser.chartNumbers("channels")).isEqualTo("[[4,2,1,1],[3,2,0,1]]");

            String axe = browser.axe();
            assertThat(axe).as(axe).contains("\"violations\":[]");
            assertThat(browser.cspViolations()).isEmpty();

            browser.screenshot(nl.loket.support.Screenshots.file("supervisor-dashboard.png"), 1280);

            // keyboard: skip link first, then the navigation, then the period form
            browser.tab();
            assertThat(browser.focused().getText()).isEqualTo("Naar de inhoud");
            browser.tabUntil("id", "from");
            browser.tabUntil("id", "csv");

            // a bad period is said on the page, naming the field
            browser.open(url("/agent/dashboard?from=2031-03-05&to=2031-03-04"));
            assertThat(browser.find("#alert").getText()).contains("vanaf-datum");
            assertThat(browser.find("#from").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.axe()).contains("\"violations\":[]");
        }
        try (DashboardBrowser agent = new DashboardBrowser()) {
            agent.login(url("/agent/login"), "agent0", PASSWORD);
            assertThat(agent.find("header nav").getText()).doesNotContain("Dashboard");
            agent.open(url("/agent/dashboard"));
            assertThat(agent.status()).isEqualTo(403);
            agent.open(url("/agent/dashboard.csv"));
            assertThat(agent.status()).isEqualTo(403);
        }
    }
}
