package nl.loket.agent;

import nl.loket.support.WorkbenchSession;

import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.handoff.HandoffNote;
import nl.loket.handoff.HandoffService;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import nl.loket.contact.ConversationState;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Identity;
import nl.loket.contact.Resolution;
import nl.loket.support.HandoffIntegrationTest;
import nl.loket.support.SteppedClock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Call-backs end to end, through real Redis, the SMS route and the Twilio fake, with a clock the test moves: the agent
 * proposes times by SMS, the resident answers a wrong number and then "2", the task waits until that time, is not
 * reached twice, and the resident gets the "we tried" SMS. Own application context (its own clock and fallback queue),
 * closed afterwards.
 */
@Import(CallbackIT.Clocks.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallbackIT extends HandoffIntegrationTest {

    /** A Tuesday 09:00 in a week no other run books slots in (bookings are kept until their slot has passed). */
    static final ZonedDateTime T0 = ordinaryTuesday(ZonedDateTime.of(2041, 1, 1, 9, 0, 0, 0, ZoneId.of("Europe/Amsterdam")));

    /**
     * A random Tuesday from {@code first} on whose Tuesday and Wednesday are no public holiday with a fixed date (those
     * that follow Easter never fall on a Tuesday or Wednesday): the tests expect slots on the day itself.
     */
    static ZonedDateTime ordinaryTuesday(ZonedDateTime first) {
        Set<MonthDay> fixed = Set.of(MonthDay.of(1, 1), MonthDay.of(4, 27), MonthDay.of(5, 5), MonthDay.of(12, 25),
                MonthDay.of(12, 26));
        ZonedDateTime day = first.plusWeeks(ThreadLocalRandom.current().nextInt(2_500));
        while (fixed.contains(MonthDay.from(day)) || fixed.contains(MonthDay.from(day.plusDays(1)))) {
            day = day.plusWeeks(1);
        }
        return day;
    }

    /** A Monday in a stretch of closed days longer than the horizon (see {@link #callbackProperties}). */
    static final ZonedDateTime NOTHING_FREE = ZonedDateTime.of(2040, 12, 10, 9, 0, 0, 0, ZoneId.of("Europe/Amsterdam"));

    /** An agent who works only this context's queue, so tasks other tests left in Redis never get in the way. */
    static final String CALLER = "terugbeller";
    static final String QUEUE = "terugbellen-it";

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        SteppedClock steppedClock() {
            return new SteppedClock(T0);
        }
    }

    @DynamicPropertySource
    static void callbackProperties(DynamicPropertyRegistry registry) {
        callerOnItsOwnQueue(registry, QUEUE);
        registry.add("loket.callbacks.due-check-interval", () -> "100ms");
        // Closed for longer than the horizon, before any T0: a time to ask for a call-back when no slot is free.
        registry.add("loket.callbacks.closed-days", () -> String.join(",", java.util.stream.IntStream.rangeClosed(0, 16)
                .mapToObj(d -> NOTHING_FREE.toLocalDate().plusDays(d).toString()).toList()));
    }

    /**
     * The call-back tests' agent {@link #CALLER}, who works only {@code queue}, the context's fallback queue, so tasks
     * other tests left in Redis never get in the way.
     */
    static void callerOnItsOwnQueue(DynamicPropertyRegistry registry, String queue) {
        registry.add("loket.agents[29].username", () -> CALLER);
        registry.add("loket.agents[29].password", () -> "{noop}" + PASSWORD);
        registry.add("loket.agents[29].roles[0]", () -> "AGENT");
        registry.add("loket.agents[29].queues[0]", () -> queue);
        registry.add("loket.handoff.queue", () -> queue);
        // This context's clock is years ahead: it must not take back claims (or retry deliveries) of other tests' contexts.
        registry.add("loket.handoff.reclaim-interval", () -> "365d");
    }

    @Autowired SteppedClock clock;
    @Autowired HandoffService handoff;
    @Autowired ContactService contacts;

    @Test
    @Order(1) // first: it checks that nothing of its queue is handed out early, before other tests leave tasks there
    void aResidentWhoPicksTwoBySmsIsCalledBackThenAndAfterTwoMissedCallsGetsAnSmsThatWeTried() {
        String resident = randomMobile();
        sms(resident, "Ik wil een medewerker spreken");
        String conversationId = contacts.history(contacts.residentIdOf(Identity.phone(resident)).orElseThrow()).get(0).conversationId();
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        assertThat(task.queue()).isEqualTo(QUEUE);
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);

        // The agent proposes: the next free half hours from an hour from now, sent by SMS as a numbered list.
        HttpResponse<String> proposed = agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/callback/propose", null);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        List<OffsetDateTime> slots = StreamSupport.stream(body(proposed).get("slots").spliterator(), false)
                .map(s -> OffsetDateTime.parse(s.asString())).toList();
        assertThat(slots).hasSize(3).allSatisfy(s -> {
            assertThat(s).isAfterOrEqualTo(clock.instant().atZone(T0.getZone()).plusHours(1).toOffsetDateTime());
            assertThat(s.getMinute() % 30).as("on the half hour").isZero();
        });
        assertThat(slots.get(0).toLocalDate()).as("on the same Tuesday, within opening hours").isEqualTo(T0.toLocalDate());
        String second = label(slots.get(1));
        awaitSms(resident, "2. " + second);

        // A number that is not on the list: a plain answer, the offer stays, nothing is planned.
        assertThat(sms(resident, "7")).contains("Dat nummer staat niet in de lijst").contains("2. " + second);
        assertThat(handoff.task(task.id()).callbackAt()).isNull();
        assertThat(handoff.task(task.id()).claimedBy(CALLER)).isTrue();

        // "2": planned at the second time; the task waits in its queue, nobody holds it.
        assertThat(sms(resident, "2")).contains("Wij bellen u terug op " + second);
        HandoffTask planned = handoff.task(task.id());
        assertThat(planned.callbackAt()).isEqualTo(slots.get(1));
        assertThat(planned.status()).isEqualTo(TaskStatus.WAITING);
        assertThat(planned.claimedBy()).isNull();
        assertThat(contacts.conversation(conversationId).orElseThrow().state()).isEqualTo(ConversationState.WAITING);

        // Not handed out before its time; at its time it is the next task.
        clock.set(slots.get(1).atZoneSameInstant(T0.getZone()).minusMinutes(1));
        assertThat(next().statusCode()).as("one minute early").isEqualTo(204);
        clock.set(slots.get(1).atZoneSameInstant(T0.getZone()));
        assertThat(body(await().atMost(Duration.ofSeconds(5)).until(this::next, r -> r.statusCode() == 200))
                .get("id").asString()).isEqualTo(task.id());

        // Not reached: once more, a slot at least an hour later.
        JsonNode retried = body(outcome(task, false));
        OffsetDateTime retry = OffsetDateTime.parse(retried.get("callbackAt").asString());
        assertThat(retry).isEqualTo(slots.get(1).plusHours(1));
        assertThat(retried.get("callbackMisses").asInt()).isEqualTo(1);
        assertThat(retried.get("status").asString()).isEqualTo("WAITING");
        assertThat(next().statusCode()).as("the retry is later").isEqualTo(204);

        clock.set(retry.atZoneSameInstant(T0.getZone()));
        assertThat(body(await().atMost(Duration.ofSeconds(5)).until(this::next, r -> r.statusCode() == 200))
                .get("id").asString()).isEqualTo(task.id());

        // Not reached again: the resident is told by SMS that we tried, and the task closes.
        JsonNode closed = body(outcome(task, false));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("resolution").asString()).isEqualTo(Resolution.NO_RESPONSE.name());
        awaitSms(resident, "Wij hebben u twee keer gebeld.");

        JsonNode audit = body(agentGet("supervisor", "/api/agent/audit?limit=200"));
        assertThat(StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> task.id().equals(e.path("taskId").asString(null))).map(e -> e.get("action").asString()))
                .contains("CALLBACK_PROPOSED", "CALLBACK_NOT_REACHED");
        assertThat(handoff.task(task.id()).notes()).filteredOn(n -> n.kind() == HandoffNote.Kind.CALLBACK).hasSize(4);
    }

    @Test
    void aCallBackThatIsReachedClosesTheTaskAsDone() {
        String resident = randomMobile();
        sms(resident, "Ik wil een medewerker spreken");
        String conversationId = contacts.history(contacts.residentIdOf(Identity.phone(resident)).orElseThrow()).get(0).conversationId();
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(outcome(task, true).statusCode()).as("no call-back planned yet").isEqualTo(409);
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/callback/propose", null).statusCode()).isEqualTo(200);

        assertThat(sms(resident, "1")).contains("Wij bellen u terug op");
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        JsonNode done = body(outcome(task, true));
        assertThat(done.get("status").asString()).isEqualTo("CLOSED");
        assertThat(done.get("resolution").asString()).isEqualTo(Resolution.CALLBACK_DONE.name());
    }

    @Test
    void theAgentProposesTimesAndRecordsTheOutcomeOnTheTaskPageWithCsrf() {
        String resident = randomMobile();
        sms(resident, "Ik wil een medewerker spreken");
        String conversationId = contacts.history(contacts.residentIdOf(Identity.phone(resident)).orElseThrow()).get(0).conversationId();
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        WorkbenchSession page = new WorkbenchSession(port).loggedIn(CALLER, PASSWORD);
        page.submit("/agent/tasks/" + task.id() + "/claim", Map.of());
        String before = page.get("/agent/tasks/" + task.id()).body();
        assertThat(before).contains("Tijden voorstellen").contains("id=\"propose-callback\"");
        assertThat(page.postWithoutToken("/agent/tasks/" + task.id() + "/callback/propose", Map.of()).statusCode())
                .as("no CSRF token").isEqualTo(403);

        String proposed = page.submit("/agent/tasks/" + task.id() + "/callback/propose", Map.of()).body();
        assertThat(proposed).contains("3 tijden gestuurd. De inwoner antwoordt met een nummer.");
        assertThat(sms(resident, "1")).contains("Wij bellen u terug op");

        HandoffTask planned = handoff.task(task.id());
        String queue = page.get("/agent").body();
        assertThat(queue).contains("Terugbellen om " + planned.callbackAt().atZoneSameInstant(T0.getZone()).toLocalTime());
        page.submit("/agent/tasks/" + task.id() + "/claim", Map.of());
        assertThat(page.get("/agent/tasks/" + task.id()).body()).contains("Uitkomst van het terugbellen");
        String after = page.submit("/agent/tasks/" + task.id() + "/callback/outcome", Map.of("reached", "true")).body();
        assertThat(after).contains("is afgesloten: Teruggebeld.");
    }

    @Test
    void aFormResidentPicksATimeOnThePageTheLinkInTheirEmailOpens() throws Exception {
        String email = "terugbellen-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
        JsonNode submitted = form(Map.of("message", "Ik wil een medewerker spreken over mijn aanvraag", "email", email));
        String conversationId = contacts.conversationByReference(submitted.get("reference").asString()).orElseThrow().id();
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/callback/propose", null).statusCode()).isEqualTo(200);

        // The e-mail: the times and a link to pick one, not "reply with the number" (a form resident cannot reply).
        String mail = await().atMost(java.time.Duration.ofSeconds(10)).until(() -> mailTo(email), java.util.Objects::nonNull);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/terugbellen/([A-Za-z0-9_-]{20,64})").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        assertThat(mail).contains("Kies op deze pagina de tijd die u past").doesNotContain("Stuur alleen het nummer terug");
        String page = "/terugbellen/" + link.group(1);
        List<String> times = contacts.openChoice(conversationId).orElseThrow().options();

        // Opening the link (a mail scanner does too) picks nothing: it shows a button per time.
        HttpResponse<String> shown = get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains(task.reference()).contains(">" + times.get(1) + "<").contains("name=\"keuze\"");
        assertThat(shown.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(handoff.task(task.id()).callbackAt()).isNull();

        // A number not on the list: pick again; then the second time is planned, as by SMS.
        HttpResponse<String> wrong = postForm(page, Map.of("keuze", "7"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Kies hieronder een andere tijd").contains(">" + times.get(1) + "<");
        HttpResponse<String> picked = postForm(page, Map.of("keuze", "2"));
        assertThat(picked.statusCode()).isEqualTo(200);
        assertThat(picked.body()).contains("Wij bellen u terug op " + times.get(1)).doesNotContain("name=\"keuze\"");
        assertThat(label(handoff.task(task.id()).callbackAt())).isEqualTo(times.get(1));

        // Used: the link no longer picks; a made-up link never did.
        assertThat(get(page).statusCode()).isEqualTo(404);
        assertThat(postForm(page, Map.of("keuze", "1")).statusCode()).isEqualTo(404);
        assertThat(get("/terugbellen/" + "A".repeat(24)).statusCode()).isEqualTo(404);
        assertThat(get("/terugbellen/..%2Fagent").statusCode()).isIn(400, 404);
    }

    private static String mailTo(String address) throws Exception {
        for (jakarta.mail.internet.MimeMessage m : MAIL.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                return com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
            }
        }
        return null;
    }

    @Test
    void aChatResidentSeesTheTimesAsButtonsAndPicksByTypingTheNumber() {
        Chat chat = chat();
        say(chat, "Ik wil een medewerker spreken");
        String conversationId = contacts.conversationOfThread(Channel.CHAT, chat.id()).orElseThrow().id();
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/claim", null).statusCode()).isEqualTo(200);
        assertThat(agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/callback/propose", null).statusCode()).isEqualTo(200);

        JsonNode proposal = lastAgentMessage(chat);
        assertThat(proposal.get("text").asString()).contains("Stuur alleen het nummer terug").contains("1. ");
        assertThat(proposal.get("choices")).hasSize(3);
        String first = proposal.get("choices").get(0).asString();

        assertThat(say(chat, "1").path("text").asString()).isEqualTo(
                "Dank u. Wij bellen u terug op " + first + ". Uw kenmerk is " + task.reference() + ".");
        assertThat(lastAgentMessage(chat).has("choices")).as("buttons gone once picked").isFalse();
        assertThat(handoff.task(task.id()).callbackAt()).isNotNull();
    }

    @Test
    void aPhoneResidentWhoAsksToBeCalledBackGetsTheFreeTimesBySmsFromTheAssistantAndPicksOne() {
        String resident = randomMobile();
        HttpResponse<String> accepted = postTranscript("""
                {"callId":"%s","from":"%s","to":"+31243290000","startedAt":"2026-11-29T10:15:00+01:00",
                 "endedAt":"2026-11-29T10:17:00+01:00","language":"nl",
                 "segments":[{"speaker":"RESIDENT","text":"Kunt u mij morgen terugbellen?"}]}"""
                .formatted("call-" + java.util.UUID.randomUUID(), resident));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String reply = body(accepted).get("reply").get("text").asString();
        assertThat(reply).startsWith("Een collega van de gemeente belt u terug.").contains("\n1. ").contains("\n3. ");

        // To a person as any request for one; the times are the open proposal, tied to the task.
        String conversationId = contacts.conversationByReference(body(accepted).get("reference").asString()).orElseThrow().id();
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        assertThat(task.reason()).isEqualTo(EscalationReason.HUMAN_REQUESTED);
        assertThat(task.queue()).isEqualTo(QUEUE);
        assertThat(task.notes()).filteredOn(n -> n.kind() == HandoffNote.Kind.CALLBACK)
                .singleElement().satisfies(n -> assertThat(n.text()).startsWith("Tijden voorgesteld door de assistent: 1. "));
        List<String> times = contacts.openChoice(conversationId).orElseThrow().options();
        assertThat(times).hasSize(3);
        assertThat(reply).contains("2. " + times.get(1));

        // A phone resident cannot read the reply: it comes by SMS; the answer "2" plans the call-back.
        awaitSms(resident, "2. " + times.get(1));
        assertThat(sms(resident, "2")).contains("Wij bellen u terug op " + times.get(1));
        HandoffTask planned = handoff.task(task.id());
        assertThat(planned.callbackAt()).isNotNull();
        assertThat(label(planned.callbackAt())).isEqualTo(times.get(1));
        assertThat(planned.status()).isEqualTo(TaskStatus.WAITING);
    }

    @Test
    void aChatResidentWhoAsksToBeCalledBackWithANumberGetsTimeButtonsAndWithoutOneIsToldAColleagueWillHelp() {
        // No phone number anywhere: to a person, with the usual words.
        Chat anonymous = chat();
        JsonNode usual = say(anonymous, "Kunt u mij morgen terugbellen?");
        assertThat(usual.get("outcome").asString()).isEqualTo("ESCALATED");
        assertThat(usual.get("text").asString()).startsWith("Een collega van de gemeente helpt u verder.");
        String anonymousConversation = contacts.conversationOfThread(Channel.CHAT, anonymous.id()).orElseThrow().id();
        assertThat(handoff.taskOfConversation(anonymousConversation).orElseThrow().reason()).isEqualTo(EscalationReason.HUMAN_REQUESTED);
        assertThat(contacts.openChoice(anonymousConversation)).isEmpty();

        // A number in the message: the reply offers the times, as buttons on that reply.
        Chat withNumber = chat();
        HttpResponse<String> sent = postJson("/api/chat/sessions/" + withNumber.id() + "/messages",
                json.writeValueAsString(Map.of("text", "Bel me morgen terug op 06 12345678 aub")),
                "Authorization", "Bearer " + withNumber.token());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        JsonNode answer = body(sent);
        assertThat(answer.get("reply").get("text").asString()).startsWith("Een collega van de gemeente belt u terug.");
        assertThat(answer.get("choices")).hasSize(3);
        String first = answer.get("choices").get(0).asString();
        JsonNode listed = null;
        for (JsonNode m : chatMessages(withNumber)) {
            if (m.has("choices")) {
                listed = m;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("author").asString()).isEqualTo("assistant");

        String conversationId = contacts.conversationOfThread(Channel.CHAT, withNumber.id()).orElseThrow().id();
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        assertThat(say(withNumber, "1").path("text").asString()).isEqualTo(
                "Dank u. Wij bellen u terug op " + first + ". Uw kenmerk is " + task.reference() + ".");
        assertThat(handoff.task(task.id()).callbackAt()).isNotNull();
    }

    @Test
    void aTolkcontactResidentWhoAsksToBeCalledBackGetsTheTimesToo() {
        String resident = randomMobile();
        HttpResponse<String> accepted = postTranscript("""
                {"callId":"%s","from":"%s","to":"+31243290000","relay":"TOLKCONTACT","language":"nl",
                 "segments":[{"speaker":"INTERPRETER","text":"Bel me morgen terug alstublieft"}]}"""
                .formatted("call-" + java.util.UUID.randomUUID(), resident));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(body(accepted).get("reply").get("text").asString()).startsWith("Een collega van de gemeente belt u terug.");
        String conversationId = contacts.conversationByReference(body(accepted).get("reference").asString()).orElseThrow().id();
        HandoffTask task = handoff.taskOfConversation(conversationId).orElseThrow();
        assertThat(task.relay()).isEqualTo("TOLKCONTACT");
        assertThat(task.reason()).isEqualTo(EscalationReason.HUMAN_REQUESTED);
        awaitSms(resident, "1. " + contacts.openChoice(conversationId).orElseThrow().options().get(0));
    }

    @Test
    void whenTheTeamHasNoFreeTimeTheResidentWhoAsksToBeCalledBackIsToldAColleagueWillHelp() {
        ZonedDateTime before = clock.instant().atZone(T0.getZone());
        clock.set(NOTHING_FREE);
        try {
            String resident = randomMobile();
            assertThat(sms(resident, "Kunt u mij terugbellen?")).contains("Een collega van de gemeente helpt u verder.")
                    .doesNotContain("Stuur alleen het nummer terug");
            String conversationId = contacts.history(contacts.residentIdOf(Identity.phone(resident)).orElseThrow()).get(0).conversationId();
            assertThat(contacts.openChoice(conversationId)).isEmpty();
            assertThat(handoff.taskOfConversation(conversationId).orElseThrow().reason()).isEqualTo(EscalationReason.HUMAN_REQUESTED);
        } finally {
            clock.set(before);
        }
    }

    @Test
    void aResidentWhoAsksToBeCalledBackAboutTheirOwnCaseKeepsThatReasonAndGetsTheTimesAfterItsReply() {
        String resident = randomMobile();
        String twiml = sms(resident, "Mijn bijzondere bijstand is afgewezen en ik snap niet waarom, kunt u mij terugbellen?");
        assertThat(twiml).contains("Over uw eigen situatie kan ik geen antwoord geven.")
                .contains("U vroeg om teruggebeld te worden.").contains("1. ").contains("Stuur alleen het nummer terug");
        String conversationId = contacts.history(contacts.residentIdOf(Identity.phone(resident)).orElseThrow()).get(0).conversationId();
        HandoffTask task = await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> handoff.taskOfConversation(conversationId), java.util.Optional::isPresent).orElseThrow();
        assertThat(task.reason()).as("their own case, not just a request for a person").isEqualTo(EscalationReason.CASE_SPECIFIC);
        List<String> times = contacts.openChoice(conversationId).orElseThrow().options();

        assertThat(sms(resident, "1")).contains("Wij bellen u terug op " + times.get(0));
        assertThat(handoff.task(task.id()).callbackAt()).isNotNull();
        assertThat(handoff.task(task.id()).reason()).isEqualTo(EscalationReason.CASE_SPECIFIC);
    }

    @Test
    void callingBackInAnotherSenseOffersNoTimes() {
        String resident = randomMobile();
        String twiml = sms(resident, "Ik heb gisteren al teruggebeld maar kreeg niemand te pakken over mijn paspoort");
        assertThat(twiml).doesNotContain("belt u terug").doesNotContain("Stuur alleen het nummer terug");
        String conversationId = contacts.history(contacts.residentIdOf(Identity.phone(resident)).orElseThrow()).get(0).conversationId();
        assertThat(contacts.openChoice(conversationId)).isEmpty();
    }

    @Test
    void anEnglishSmsResidentAskingForACallBackGetsTheTimesInEnglish() {
        String resident = randomMobile();
        String twiml = sms(resident, "Could you call me back tomorrow please?");
        assertThat(twiml).contains("A colleague at the municipality will call you back.").contains("1. ")
                .contains("Reply with the number only.");
        String conversationId = contacts.history(contacts.residentIdOf(Identity.phone(resident)).orElseThrow()).get(0).conversationId();
        List<String> times = contacts.openChoice(conversationId).orElseThrow().options();
        assertThat(times.get(0)).contains(" at ");
        assertThat(sms(resident, "3")).contains(times.get(2));
        assertThat(handoff.taskOfConversation(conversationId).orElseThrow().callbackAt()).isNotNull();
    }

    JsonNode lastAgentMessage(Chat chat) {
        JsonNode all = chatMessages(chat);
        JsonNode last = null;
        for (JsonNode m : all) {
            if ("agent".equals(m.get("author").asString())) {
                last = m;
            }
        }
        return last;
    }

    static String label(OffsetDateTime slot) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM 'om' HH:mm", Locale.forLanguageTag("nl-NL"))
                .format(slot.atZoneSameInstant(T0.getZone()));
    }

    HttpResponse<String> next() {
        return agentPost(CALLER, "/api/agent/handoffs/next", null);
    }

    HttpResponse<String> outcome(HandoffTask task, boolean reached) {
        return agentPost(CALLER, "/api/agent/handoffs/" + task.id() + "/callback/outcome",
                json.writeValueAsString(Map.of("reached", reached)));
    }

    void awaitSms(String to, String containing) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> TWILIO.verify(postRequestedFor(urlEqualTo(TWILIO_MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(to, StandardCharsets.UTF_8)))
                .withRequestBody(containing(URLEncoder.encode(containing, StandardCharsets.UTF_8)))));
    }
}
