package nl.loket.channel.webform;

import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.ConversationState;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Outcome;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact page without JavaScript: a plain form post, checked and stored like the API does. */
class ContactFormPageIT extends LoketIntegrationTest {

    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">(LK-[A-Z0-9]{3}-[A-Z0-9]{3})<");
    private static final Pattern CONVERSATION = Pattern.compile("name=\"conversation\" value=\"([^\"]+)\"");

    @Autowired ContactService contacts;
    @Autowired org.apache.camel.CamelContext camel;

    @Test
    void thePageTakesTheSameRouteAsEveryOtherChannel() {
        org.apache.camel.builder.NotifyBuilder through = new org.apache.camel.builder.NotifyBuilder(camel)
                .fromRoute("inbound-pipeline").whenDone(1).create();
        HttpResponse<String> page = postForm("/contact", params("email", "route@example.nl",
                "message", "Hoe vraag ik een paspoort aan?"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(through.matches(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aDoubtfulPhoneNumberIsAcceptedAndTheResidentAskedToCheckIt() {
        HttpResponse<String> page = postForm("/contact", params("phone", "+31 6 98765432",
                "message", "Wanneer wordt het grofvuil opgehaald?"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"reference\"").contains("id=\"phone-check\"")
                .contains("Wij kennen het telefoonnummer dat u gaf niet");
        HttpResponse<String> known = postForm("/contact", params("phone", "06 1234 5678",
                "message", "Wanneer wordt het grofvuil opgehaald?"));
        assertThat(known.body()).contains("id=\"reference\"").doesNotContain("id=\"phone-check\"");
    }

    @Test
    void theEmptyPageHasEveryFieldAndNoErrors() {
        HttpResponse<String> page = get("/contact");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"nl\">", "id=\"name\"", "id=\"email\"", "id=\"phone\"",
                "id=\"subject\"", "id=\"message\"", "method=\"post\" action=\"/contact\"")
                .doesNotContain("aria-invalid").doesNotContain("<script>");
    }

    @Test
    void errorsAreShownInASummaryAndAtEachFieldAndTheInputIsKept() {
        HttpResponse<String> page = postForm("/contact", params("name", "Jan <b>de Vries</b>", "email", "",
                "phone", "", "message", " "));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<title>Fout: controleer het formulier")
                .contains("href=\"#email\">Vul een e-mailadres of een telefoonnummer in.")
                .contains("href=\"#message\">Schrijf uw vraag of bericht.</a>")
                .containsPattern("<textarea[^>]*id=\"message\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<textarea[^>]*id=\"message\"[^>]*aria-describedby=\"message-error\"")
                .containsPattern("<input[^>]*id=\"email\"[^>]*aria-invalid=\"true\"")
                .contains("value=\"Jan &lt;b&gt;de Vries&lt;/b&gt;\"")
                .doesNotContain("<b>de Vries");

        HttpResponse<String> badContact = postForm("/contact", params("email", "geen-adres", "phone", "12",
                "message", "Hallo"));
        assertThat(badContact.body()).contains("href=\"#email\">Vul een goed e-mailadres in",
                "href=\"#phone\">Vul een goed telefoonnummer in").doesNotContain("href=\"#message\"");
    }

    @Test
    void aGoodFormIsStoredAndShowsTheReferenceAndTheAnswer() {
        HttpResponse<String> page = postForm("/contact", params("name", "Jan", "phone", "06 12345678",
                "subject", "Paspoort", "message", "Hoe vraag ik een paspoort aan?"));
        assertThat(page.statusCode()).isEqualTo(200);
        String reference = match(REFERENCE, page.body());
        Conversation conversation = contacts.conversationByReference(reference).orElseThrow();
        assertThat(conversation.subject()).isEqualTo("Paspoort");
        assertThat(contacts.messages(conversation.id()).get(0).text()).isEqualTo("Hoe vraag ik een paspoort aan?");
        assertThat(page.body()).contains("Heeft dit geholpen?", "Nee, niet geholpen", "href=\"https://");
    }

    @Test
    void notHelpedHandsTheContactToAPersonOnce() {
        // After "not helped" a person has this form's conversation.
        String email = "inwoner-" + java.util.UUID.randomUUID() + "@example.nl";
        HttpResponse<String> sent = postForm("/contact", params("email", email,
                "message", "Hoe vraag ik een paspoort aan?"));
        String reference = match(REFERENCE, sent.body());
        String conversationId = match(CONVERSATION, sent.body());

        HttpResponse<String> notHelped = postForm("/contact/not-helped", params("conversation", conversationId));
        assertThat(notHelped.statusCode()).isEqualTo(200);
        assertThat(notHelped.body()).contains(reference, "U krijgt binnen 2 werkdagen een reactie.");
        Conversation conversation = contacts.conversationByReference(reference).orElseThrow();
        assertThat(conversation.state()).isEqualTo(ConversationState.WAITING);
        assertThat(conversation.lastOutcome().outcome()).isEqualTo(Outcome.ESCALATED);
        assertThat(conversation.lastOutcome().reason()).isEqualTo(EscalationReason.NO_ANSWER);
        int outcomes = conversation.outcomes().size();

        assertThat(postForm("/contact/not-helped", params("conversation", conversationId)).statusCode()).isEqualTo(200);
        assertThat(contacts.conversationByReference(reference).orElseThrow().outcomes()).hasSize(outcomes);
        assertThat(postForm("/contact/not-helped", params("conversation", "does-not-exist")).statusCode()).isEqualTo(404);
        assertThat(postForm("/contact/not-helped", params()).statusCode()).isEqualTo(404);

        // A next form with the same typed e-mail is no proof of who wrote it: it gets its own reference and
        // never joins (or reveals) the conversation a person handles; the agent sees a possible match.
        HttpResponse<String> followUp = postForm("/contact", params("email", email,
                "message", "Ik heb nog een vraag over mijn paspoort."));
        assertThat(match(REFERENCE, followUp.body())).isNotEqualTo(reference);
        assertThat(contacts.messages(conversationId)).extracting(m -> m.text())
                .doesNotContain("Ik heb nog een vraag over mijn paspoort.");
        assertThat(contacts.possibleMatches(conversation.residentId())).hasSize(1);
    }

    @Test
    void thePagesSendAStrictContentSecurityPolicy() {
        for (String path : new String[] {"/contact", "/chat"}) {
            String csp = get(path).headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("default-src 'self'", "script-src 'self';", "style-src 'self';",
                    "frame-ancestors 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        }
        HttpResponse<String> embed = get("/chat?embed=1");
        assertThat(embed.headers().firstValue("Content-Security-Policy").orElseThrow()).endsWith("frame-ancestors 'self'");
        assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(get("/chat").headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(get("/contact").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(get("/contact").headers().firstValue("Content-Language")).hasValue("nl");
        assertThat(get("/assets/loket.css").headers().firstValue("Cache-Control")).hasValue("max-age=3600");
        assertThat(get("/widget.js").statusCode()).isEqualTo(200);
        assertThat(get("/assets/chat.js").statusCode()).isEqualTo(200);
        // everything else still needs a login
        assertThat(get("/agent").statusCode()).as("redirected to the login page or refused").isIn(302, 401);
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as(pattern + " in page").isTrue();
        return m.group(1);
    }
}
