package nl.loket.outreach;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import nl.loket.contact.ContactService;
import nl.loket.contact.Identity;
import nl.loket.contact.OptOuts;
import nl.loket.support.HandoffIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Campaigns end to end: the supervisor API, the dry run, sending through the Camel route to WireMock's
 * Twilio and GreenMail, opt-out words on the real SMS webhook, the e-mail opt-out page, and the send window.
 */
class OutreachIT extends HandoffIntegrationTest {

    private static final String API = "/api/outreach/campaigns";

    @Autowired ContactService contacts;
    @Autowired OptOuts optOuts;
    @Autowired CampaignStore store;
    @Autowired CamelContext camel;

    @Test
    void onlySupervisorsManageCampaignsAndBadInputNamesTheLineOrField() {
        String body = campaign("Test", "Beste {name}, uw paspoort verloopt.", "reference,phone,name\nr1,0612345678,Anna\n");
        assertThat(postJson(API, body).statusCode()).isEqualTo(401);
        assertThat(agentPost("agent1", API, body).statusCode()).isEqualTo(403);
        assertThat(agentPost("supervisor", API, body).statusCode()).isEqualTo(201);

        HttpResponse<String> badLine = agentPost("supervisor", API,
                campaign("Test", "Beste {name}", "reference,phone,name\nr1,0612345678,Anna\nr2,0612345679\n"));
        assertThat(badLine.statusCode()).isEqualTo(400);
        assertThat(badLine.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(badLine).get("field").asString()).isEqualTo("audienceCsv");
        assertThat(body(badLine).get("detail").asString()).startsWith("line 3:");

        HttpResponse<String> badTemplate = agentPost("supervisor", API,
                campaign("Test", "Beste {naam}", "reference,phone,name\nr1,0612345678,Anna\n"));
        assertThat(badTemplate.statusCode()).isEqualTo(400);
        assertThat(body(badTemplate).get("field").asString()).isEqualTo("template.nl");

        HttpResponse<String> extraColumn = agentPost("supervisor", API,
                campaign("Test", "Beste {name}", "reference,phone,name,bsn\nr1,0612345678,Anna,123456782\n"));
        assertThat(extraColumn.statusCode()).isEqualTo(400);
        assertThat(body(extraColumn).get("detail").asString()).contains("'bsn' is not used");

        assertThat(agentGet("supervisor", API + "/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void dryRunCountsThenSendingReachesEachResidentOnceBySmsOrEmail() throws Exception {
        String optedOutPhone = randomMobile();
        assertThat(sms(optedOutPhone, "STOP")).contains("START");
        String phone = randomMobile();
        String email = "eva-" + UUID.randomUUID() + "@example.nl";
        String csv = "reference,phone,email,language,name\n"
                + "a1," + phone + ",,nl,Anna\n"
                + "a2,,,nl,Bram\n"
                + "a3,12,,en,Chris\n"
                + "a4," + optedOutPhone + ",,nl,Dirk\n"
                + "a5,,\"" + email + "\",en,Eva\n"
                + "a6,,not-an-address,nl,Fien\n"
                + "a7," + phone + ",,nl,Anna\n";
        String id = create(campaign("Paspoort verloopt", "Beste {name}, uw paspoort verloopt binnenkort.",
                "Dear {name}, your passport expires soon.", List.of("SMS", "EMAIL"), 600, csv));

        JsonNode dry = body(agentPost("supervisor", API + "/" + id + "/dry-run", ""));
        assertThat(dry.get("wouldSend").asInt()).isEqualTo(2);
        assertThat(dry.get("skipped").get("optedOut").asInt()).isEqualTo(1);
        assertThat(dry.get("skipped").get("noAddress").asInt()).isEqualTo(1);
        assertThat(dry.get("skipped").get("invalid").asInt()).as("two bad addresses, one repeated number").isEqualTo(3);
        assertThat(dry.get("preview").get("nl").asString()).startsWith("Beste Anna, uw paspoort").endsWith("Stuur STOP.");
        assertThat(dry.get("preview").get("en").asString()).startsWith("Dear Chris").endsWith("Send STOP.");
        assertThat(dry.get("previewSegments").get("nl").asInt()).isEqualTo(1);
        assertThat(dry.get("warnings")).as("SMS and e-mail are configured in tests").isEmpty();
        assertThat(smsTo(phone)).isEmpty();

        assertThat(agentPost("supervisor", API + "/" + id + "/start", "").statusCode()).isEqualTo(202);
        JsonNode done = awaitStatus(id, "DONE");
        assertThat(done.get("sent").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isZero();
        assertThat(done.get("skipped").asInt()).isEqualTo(5);
        assertThat(done.get("skippedBy").get("invalid").asInt()).isEqualTo(3);
        assertThat(agentPost("supervisor", API + "/" + id + "/start", "").statusCode()).isEqualTo(409);

        assertThat(smsTo(phone)).hasSize(1);
        assertThat(smsTo(phone).get(0).getBodyAsString()).contains(URLEncoder.encode("Beste Anna", StandardCharsets.UTF_8));
        assertThat(smsTo(optedOutPhone)).isEmpty();
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Paspoort verloopt");
        assertThat((String) mails.get(0).getContent()).startsWith("Dear Eva").contains("https://loket.example.nl/afmelden/");

        // After sending only counts and outcomes stay; the outcomes expire at the retention deadline.
        assertThat(store.audience(id)).isEmpty();
        assertThat(agentPost("supervisor", API + "/" + id + "/dry-run", "").statusCode()).isEqualTo(409);
        assertThat(store.outcomes(id)).containsOnlyKeys("a1", "a2", "a3", "a4", "a5", "a6", "a7");
        assertThat(store.outcomes(id).get("a7")).contains("INVALID");
        assertThat(store.outcomes(id).get("a4")).contains("OPTED_OUT");
        assertThat(store.outcomesTtlSeconds(id)).isGreaterThan(Duration.ofDays(89).toSeconds());
        assertThat(done.get("outcomesKeptUntil").asString()).isNotBlank();
    }

    @Test
    void everyOptOutWordStopsMessagesOnceAndStartRestartsThem() {
        for (String word : List.of("STOP", "stop", " Stop ", "STOPALL", "stop all", "UITSCHRIJVEN", "Uitschrijven",
                "AFMELDEN", "af melden")) {
            String phone = randomMobile();
            String first = sms(phone, word);
            assertThat(first).as(word).contains("<Message>U krijgt geen berichten meer");
            assertThat(sms(phone, "STOP")).as("a second STOP is no change: no second confirmation").doesNotContain("<Message>");
            assertThat(optOuts.optedOut(List.of(Identity.phone(phone)))).isTrue();
            // The word went to the opt-out record, not to the assistant: no resident, no conversation.
            assertThat(contacts.residentIdOf(Identity.phone(phone))).isEmpty();
        }
        String phone = randomMobile();
        assertThat(sms(phone, "start")).as("starting without having stopped changes nothing").doesNotContain("<Message>");
        sms(phone, "Afmelden");
        assertThat(sms(phone, " aanmelden ")).contains("<Message>U krijgt weer berichten");
        assertThat(optOuts.optedOut(List.of(Identity.phone(phone)))).isFalse();
        assertThat(optOuts.recentChanges(200)).anySatisfy(c -> {
            assertThat(c).containsEntry("change", "OPT_IN").containsEntry("channel", "SMS").containsEntry("words", "AANMELDEN");
            assertThat(c.get("subject")).doesNotContain(phone.substring(1));
        });
    }

    @Test
    void anSmsOptOutDoesNotStopEmailToAnAddressSomeoneTypedBesideThatNumberInAForm() throws Exception {
        // A form's phone number and e-mail address are typed, not verified: they do not make one resident, so
        // a STOP from the number cannot silence the address (nor could someone else's STOP).
        String phone = randomMobile();
        String email = "jan-" + UUID.randomUUID() + "@example.nl";
        form(Map.of("message", "Wanneer wordt het grofvuil opgehaald?", "phone", phone, "email", email));
        sms(phone, "STOP");
        String other = "piet-" + UUID.randomUUID() + "@example.nl";
        String id = create(campaign("Regeling", "Misschien heeft u recht op een regeling.", null, List.of("EMAIL"), 600,
                "reference,email\nr1," + email + "\nr2," + other + "\n"));
        JsonNode dry = body(agentPost("supervisor", API + "/" + id + "/dry-run", ""));
        assertThat(dry.get("skipped").get("optedOut").asInt()).isEqualTo(0);
        assertThat(dry.get("wouldSend").asInt()).isEqualTo(2);
    }

    @Test
    void theEmailLinkAsksFirstThenOptsTheAddressOut() throws Exception {
        String email = "link-" + UUID.randomUUID() + "@example.nl";
        String id = create(campaign("Regeling", "Misschien heeft u recht op een regeling.", null, List.of("EMAIL"), 600,
                "reference,email\nr1," + email + "\n"));
        agentPost("supervisor", API + "/" + id + "/start", "");
        awaitStatus(id, "DONE");
        Matcher link = Pattern.compile("https://loket\\.example\\.nl(/afmelden/[A-Za-z0-9._-]+)")
                .matcher((String) mailsTo(email).get(0).getContent());
        assertThat(link.find()).isTrue();
        String path = link.group(1);

        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"opt-out\"").contains("Klik dan op de knop");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c).contains("script-src 'self'"));
        assertThat(optOuts.optedOut(List.of(Identity.email(email)))).as("opening the link alone changes nothing").isFalse();

        HttpResponse<String> done = postForm(path, Map.of());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("U bent afgemeld");
        assertThat(optOuts.optedOut(List.of(Identity.email(email)))).isTrue();
        assertThat(optOuts.recentChanges(200)).anySatisfy(c -> assertThat(c).containsEntry("words", "LINK").containsEntry("change", "OPT_OUT"));

        String tampered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
        assertThat(get(tampered).statusCode()).isEqualTo(404);
        assertThat(postForm(tampered, Map.of()).statusCode()).isEqualTo(404);

        String again = create(campaign("Regeling 2", "Misschien heeft u recht op een regeling.", null, List.of("EMAIL"), 600,
                "reference,email\nr1," + email + "\n"));
        assertThat(body(agentPost("supervisor", API + "/" + again + "/dry-run", "")).get("skipped").get("optedOut").asInt()).isEqualTo(1);
    }

    @Test
    void aReplyWithAQuestionGoesToTheAssistantLinkedToTheCampaign() {
        String phone = randomMobile();
        String id = create(campaign("ID-kaart verloopt", "Uw ID-kaart verloopt binnenkort.", null, List.of("SMS"), 600,
                "reference,phone\nr1," + phone + "\n"));
        agentPost("supervisor", API + "/" + id + "/start", "");
        awaitStatus(id, "DONE");
        String twiml = sms(phone, "Hoe vraag ik een nieuwe ID-kaart aan?");
        assertThat(twiml).contains("<Message>");
        String residentId = contacts.residentIdOf(Identity.phone(phone)).orElseThrow();
        String conversationId = contacts.history(residentId).get(0).conversationId();
        assertThat(contacts.conversation(conversationId).orElseThrow().subject()).isEqualTo("Reactie op campagne: ID-kaart verloopt");
        // Agents see it in the resident's history.
        HttpResponse<String> history = agentGet("agent1", "/api/agent/residents/" + residentId + "/contacts");
        assertThat(body(history).get(0).get("subject").asString()).isEqualTo("Reactie op campagne: ID-kaart verloopt");
    }

    @Test
    void aStopDuringACampaignIsHonouredForTheRestOfIt() {
        String first = randomMobile();
        String middle = randomMobile();
        String later = randomMobile();
        // One per second (in tests the rate counts per second): the STOP arrives about two seconds before the third.
        String id = create(campaign("Langzaam", "Een bericht van de gemeente.", null, List.of("SMS"), 1,
                "reference,phone\nf1," + first + "\nm1," + middle + "\nl1," + later + "\n"));
        agentPost("supervisor", API + "/" + id + "/start", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> smsTo(first).size() == 1);
        sms(later, "STOP");
        JsonNode done = awaitStatus(id, "DONE");
        assertThat(smsTo(later)).isEmpty();
        assertThat(done.get("skippedBy").get("optedOut").asInt()).isEqualTo(1);
        assertThat(done.get("sent").asInt()).isEqualTo(2);
    }

    @Test
    void aStopAfterAnEnglishCampaignIsConfirmedInEnglish() {
        String english = randomMobile();
        String dutch = randomMobile();
        String id = create(campaign("Taal", "Een bericht van de gemeente.", "A message from the municipality.",
                List.of("SMS"), 600, "reference,phone,language\ne1," + english + ",en\nd1," + dutch + ",nl\n"));
        agentPost("supervisor", API + "/" + id + "/start", "");
        awaitStatus(id, "DONE");
        assertThat(smsTo(english).get(0).getBodyAsString()).contains(URLEncoder.encode("Send STOP.", StandardCharsets.UTF_8));
        assertThat(sms(english, "STOP")).contains("<Message>You will no longer get messages");
        assertThat(sms(dutch, "stop")).contains("<Message>U krijgt geen berichten meer");
    }

    @Test
    void sendingIsThrottledToTheCampaignRate() {
        List<String> phones = new ArrayList<>();
        StringBuilder csv = new StringBuilder("reference,phone\n");
        for (int i = 0; i < 7; i++) {
            phones.add(randomMobile());
            csv.append("t").append(i).append(',').append(phones.get(i)).append('\n');
        }
        // In tests the rate counts per second (loket.outreach.rate-period=1000): 3 per second.
        String id = create(campaign("Traag", "Een bericht van de gemeente.", null, List.of("SMS"), 3, csv.toString()));
        agentPost("supervisor", API + "/" + id + "/start", "");
        awaitStatus(id, "DONE");
        List<Long> times = new ArrayList<>();
        for (String phone : phones) {
            List<LoggedRequest> requests = smsTo(phone);
            assertThat(requests).hasSize(1);
            times.add(requests.get(0).getLoggedDate().getTime());
        }
        times.sort(Long::compare);
        // Never more than 3 in any stretch shorter than the period (a margin of 200 ms for network jitter).
        for (int i = 0; i + 3 < times.size(); i++) {
            assertThat(times.get(i + 3) - times.get(i)).as("4 messages within one period").isGreaterThanOrEqualTo(800);
        }
    }

    /** Every instance polls the same campaigns: one that found the audience already closed out must not call it expired. */
    @Test
    void onlyOneOfTheInstancesPollingAtOnceClosesOutACampaign() {
        String id = "race-" + java.util.UUID.randomUUID();
        store.markRunning(id);
        List<Boolean> taken = java.util.stream.IntStream.range(0, 8).parallel()
                .mapToObj(i -> store.takeOutOfRunning(id)).toList();
        assertThat(taken).containsOnlyOnce(true);
    }

    @Test
    void outsideItsWindowACampaignWaitsAndSendsNothing() {
        String phone = randomMobile();
        DayOfWeek tomorrow = ZonedDateTime.now(ZoneId.of("Europe/Amsterdam")).getDayOfWeek().plus(1);
        Map<String, Object> body = campaignMap("Morgen", "Een bericht van de gemeente.", null, List.of("SMS"), 600,
                "reference,phone\nr1," + phone + "\n");
        body.put("sendWindow", Map.of("from", "00:00", "to", "23:59", "days", List.of(tomorrow.name())));
        String id = create(json.writeValueAsString(body));
        agentPost("supervisor", API + "/" + id + "/start", "");
        NotifyBuilder polls = new NotifyBuilder(camel).fromRoute("outreach-send").whenDone(5).create();
        assertThat(polls.matches(20, TimeUnit.SECONDS)).isTrue();
        JsonNode status = body(agentGet("supervisor", API + "/" + id));
        assertThat(status.get("status").asString()).isEqualTo("RUNNING");
        assertThat(status.get("windowOpen").asBoolean()).isFalse();
        assertThat(status.get("sent").asInt()).isZero();
        assertThat(status.get("skipped").asInt()).isZero();
        assertThat(smsTo(phone)).isEmpty();
        assertThat(store.audience(id)).as("kept until it can be sent").isPresent();
    }

    @Test
    void theSupervisorPageMakesDryRunsAndStartsWithoutJavaScript() {
        PageSession agent = new PageSession("agent1");
        assertThat(agent.get("/agent/outreach").statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent").body()).doesNotContain("Campagnes");

        PageSession supervisor = new PageSession("supervisor");
        HttpResponse<String> list = supervisor.get("/agent/outreach");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"new-campaign\"").contains("href=\"/agent/outreach\">Campagnes</a>");
        String phone = randomMobile();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Pagina");
        form.put("purpose", "Wijzen op een regeling.");
        form.put("templateNl", "Beste {name}, misschien heeft u recht op een regeling.");
        form.put("channels", "SMS");
        form.put("ratePerMinute", "600");
        form.put("audienceCsv", "reference,phone,name\np1," + phone + ",Anna\np2,,Bram\n");
        HttpResponse<String> created = supervisor.post("/agent/outreach", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String campaignPath = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");

        HttpResponse<String> dry = supervisor.post(campaignPath + "/dry-run", Map.of());
        assertThat(dry.body()).contains("<strong id=\"would-send\">1</strong>").contains("Beste Anna");
        assertThat(supervisor.post(campaignPath + "/start", Map.of()).statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.get(campaignPath).body().contains("<dd id=\"state\">DONE</dd>"));
        assertThat(smsTo(phone)).hasSize(1);

        // The same with the audience as an uploaded file (multipart, as the page's form sends it).
        String uploaded = randomMobile();
        HttpResponse<String> upload = supervisor.postMultipart("/agent/outreach", Map.of("name", "Upload",
                "purpose", "Wijzen op een regeling.", "templateNl", "Een bericht van de gemeente.", "channels", "SMS"),
                "doelgroep.csv", "reference,phone\nu1," + uploaded + "\n");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
        String uploadPath = upload.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(supervisor.post(uploadPath + "/dry-run", Map.of()).body()).contains("<strong id=\"would-send\">1</strong>");

        HttpResponse<String> refused = supervisor.post("/agent/outreach", Map.of("name", "X", "purpose", "Y",
                "templateNl", "Beste {naam}", "audienceCsv", "reference,phone\nr1,0612345678\n"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("template.nl uses {naam}");
    }

    // ---- helpers ----

    /** A logged-in browser-like session on the workbench: cookies kept, CSRF token taken from each page. */
    private final class PageSession {
        private final java.net.http.HttpClient client;
        private String csrf;

        PageSession(String user) {
            java.net.CookieManager cookies = new java.net.CookieManager();
            cookies.setCookiePolicy(java.net.CookiePolicy.ACCEPT_ALL);
            client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            get("/agent/login");
            post("/agent/login", Map.of("username", user, "password", PASSWORD));
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> r = nl.loket.support.TestHttp.send(client, request(path).GET().build());
            Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            Map<String, String> all = new LinkedHashMap<>(form);
            if (csrf != null) {
                all.put("_csrf", csrf);
            }
            String encoded = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
            return nl.loket.support.TestHttp.send(client, request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build());
        }

        /** As the browser sends the form with a file: multipart, the CSRF token in the query (as the page's action has it). */
        HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName, String file) {
            String boundary = "----loket" + UUID.randomUUID();
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"audienceFile\"; filename=\"").append(fileName).append("\"\r\n")
                    .append("Content-Type: text/csv\r\n\r\n").append(file).append("\r\n")
                    .append("--").append(boundary).append("--\r\n");
            return nl.loket.support.TestHttp.send(client, request(path + "?_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        }
    }

    private String create(String body) {
        HttpResponse<String> r = agentPost("supervisor", API, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return body(r).get("id").asString();
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(body(agentGet("supervisor", API + "/" + id)).get("status").asString()));
        return body(agentGet("supervisor", API + "/" + id));
    }

    private String campaign(String name, String templateNl, String csv) {
        return campaign(name, templateNl, null, List.of("SMS", "EMAIL"), 600, csv);
    }

    private String campaign(String name, String templateNl, String templateEn, List<String> channels, int rate, String csv) {
        return json.writeValueAsString(campaignMap(name, templateNl, templateEn, channels, rate, csv));
    }

    private static Map<String, Object> campaignMap(String name, String templateNl, String templateEn, List<String> channels,
                                                   int rate, String csv) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("nl", templateNl);
        if (templateEn != null) {
            template.put("en", templateEn);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("purpose", "Art. 3 Paspoortwet: inwoners wijzen op een document dat verloopt.");
        body.put("template", template);
        body.put("channels", channels);
        body.put("ratePerMinute", rate);
        body.put("audienceCsv", csv);
        return body;
    }

    static List<LoggedRequest> smsTo(String phone) {
        String to = "To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        return TWILIO.findAll(postRequestedFor(urlEqualTo(TWILIO_MESSAGES)).withRequestBody(containing(to))).stream()
                .filter(r -> List.of(r.getBodyAsString().split("&")).contains(to))
                .toList();
    }

    static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                out.add(m);
            }
        }
        return out;
    }
}
