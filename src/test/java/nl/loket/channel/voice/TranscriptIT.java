package nl.loket.channel.voice;

import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.ContactSummary;
import nl.loket.contact.Conversation;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.support.LoketIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptIT extends LoketIntegrationTest {

    static final String PATH = "/api/channels/transcripts";

    @Autowired ContactService contacts;
    @Autowired JsonMapper json;
    @Autowired CamelContext camel;

    static String mobile() {
        return "+3161" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    static String transcript(String callId, String from, String relayField) {
        return """
                {"callId":"%s","from":"%s","to":"+31243290000","startedAt":"2026-11-29T10:15:00+01:00",
                 "endedAt":"2026-11-29T10:19:30+01:00"%s,"language":"nl",
                 "segments":[
                   {"speaker":"AGENT","text":"Gemeente Nijmegen, goedemorgen.","at":"2026-11-29T10:15:05+01:00"},
                   {"speaker":"INTERPRETER","text":"Ik bel namens mevrouw. Zij wil weten hoe ze grofvuil kan laten ophalen."},
                   {"speaker":"RESIDENT","text":"Ja, een oude bank."}
                 ]}""".formatted(callId, from, relayField);
    }

    @Test
    void aRelayTranscriptIsAPhoneContactMarkedTolkcontactWithEveryLineKept() {
        String from = mobile();
        HttpResponse<String> response = postTranscript(transcript("call-" + UUID.randomUUID(), from, ",\"relay\":\"TOLKCONTACT\""));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        Conversation conversation = contacts.conversationByReference(body.get("reference").asString()).orElseThrow();
        assertThat(conversation.channel()).isEqualTo(Channel.PHONE);
        assertThat(conversation.relay()).isEqualTo("TOLKCONTACT");
        Message stored = contacts.messages(conversation.id()).get(0);
        assertThat(stored.text()).isEqualTo("Ik bel namens mevrouw. Zij wil weten hoe ze grofvuil kan laten ophalen.\nJa, een oude bank.");
        assertThat(stored.transcript()).extracting("speaker")
                .containsExactly(AuthorRole.AGENT, AuthorRole.INTERPRETER, AuthorRole.RESIDENT);
        assertThat(stored.at().toString()).isEqualTo("2026-11-29T10:15+01:00");
    }

    @Test
    void aCallFromTheRelayNumberIsMarkedEvenWithoutTheField() {
        HttpResponse<String> response = postTranscript(transcript("call-" + UUID.randomUUID(), "088 050 0600", ""));
        Conversation conversation = contacts.conversationByReference(json.readTree(response.body()).get("reference").asString()).orElseThrow();
        assertThat(conversation.relay()).isEqualTo("TOLKCONTACT");
    }

    @Test
    void theSameCallTwiceIsStoredOnce() {
        String callId = "call-" + UUID.randomUUID();
        String from = mobile();
        String first = json.readTree(postTranscript(transcript(callId, from, "")).body()).get("reference").asString();
        HttpResponse<String> again = postTranscript(transcript(callId, from, ""));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json.readTree(again.body()).get("reference").asString()).isEqualTo(first);
        String residentId = contacts.residentIdOf(Identity.phone(from)).orElseThrow();
        assertThat(contacts.history(residentId)).hasSize(1);
    }

    @Test
    void anSmsAndACallFromOneNumberAreOneResidentWithTwoContacts() {
        String from = mobile();
        String sms = "/api/channels/twilio/sms";
        postTwilio(sms, params("MessageSid", "SM" + UUID.randomUUID(), "From", from, "Body", "wanneer wordt grofvuil opgehaald"));
        postTranscript(transcript("call-" + UUID.randomUUID(), from.replace("+31", "0"), ""));

        String residentId = contacts.residentIdOf(Identity.phone(from)).orElseThrow();
        List<ContactSummary> history = contacts.history(residentId);
        assertThat(history).extracting(ContactSummary::channel).containsExactlyInAnyOrder(Channel.SMS, Channel.PHONE);
    }

    @Test
    void invalidTranscriptsNameTheField() {
        assertField(postTranscript("{\"from\":\"+31612345678\",\"segments\":[{\"speaker\":\"RESIDENT\",\"text\":\"hoi\"}]}"), "callId");
        assertField(postTranscript("{\"callId\":\"c1\",\"from\":\"+31612345678\",\"segments\":[]}"), "segments");
        assertField(postTranscript("{\"callId\":\"c1\",\"from\":\"+31612345678\",\"segments\":[{\"speaker\":\"BOT\",\"text\":\"hoi\"}]}"), "segments[0].speaker");
        assertField(postTranscript("{\"callId\":\"c1\",\"from\":\"+31612345678\",\"startedAt\":\"gisteren\",\"segments\":[{\"speaker\":\"RESIDENT\",\"text\":\"hoi\"}]}"), "startedAt");
        assertField(postTranscript("{\"callId\":\"c1\",\"from\":\"nummer\",\"segments\":[{\"speaker\":\"RESIDENT\",\"text\":\"hoi\"}]}"), "from");
        assertField(postTranscript("{\"callId\":\"c1\",\"from\":\"+31612345678\",\"relay\":\"<script>\",\"segments\":[{\"speaker\":\"RESIDENT\",\"text\":\"hoi\"}]}"), "relay");
    }

    @Test
    void filesInTheInboxArePickedUpAndMovedNeverLost() throws IOException {
        String from = mobile();
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("transcript-inbox").whenDone(2).create();
        Path good = TRANSCRIPT_INBOX.resolve("call-" + UUID.randomUUID() + ".json");
        Path bad = TRANSCRIPT_INBOX.resolve("broken-" + UUID.randomUUID() + ".json");
        Files.writeString(good, transcript("file-" + UUID.randomUUID(), from, ""));
        Files.writeString(bad, "{ not json");

        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(TRANSCRIPT_INBOX.resolve(".done").resolve(good.getFileName())).exists();
        assertThat(TRANSCRIPT_INBOX.resolve(".failed").resolve(bad.getFileName())).exists();
        assertThat(good).doesNotExist();
        assertThat(contacts.residentIdOf(Identity.phone(from))).isPresent();
    }

    @Test
    void aSymbolicLinkOrAnOversizedFileInTheInboxIsRefusedUnread() throws IOException {
        String linkedFrom = mobile();
        String bigFrom = mobile();
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("transcript-inbox").whenDone(2).create();
        Path outside = Files.createTempFile("outside-inbox", ".json");
        Files.writeString(outside, transcript("link-" + UUID.randomUUID(), linkedFrom, ""));
        Path link = TRANSCRIPT_INBOX.resolve("link-" + UUID.randomUUID() + ".json");
        Files.createSymbolicLink(link, outside);
        Path big = TRANSCRIPT_INBOX.resolve("big-" + UUID.randomUUID() + ".json");
        String padding = " ".repeat(3 * 1024 * 1024);
        Files.writeString(big, transcript("big-" + UUID.randomUUID(), bigFrom, "").replaceFirst("\\{", "{" + padding));

        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(contacts.residentIdOf(Identity.phone(linkedFrom))).isEmpty();
        assertThat(contacts.residentIdOf(Identity.phone(bigFrom))).isEmpty();
        assertThat(TRANSCRIPT_INBOX.resolve(".failed").resolve(big.getFileName())).exists();
    }

    private void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("field").asString()).isEqualTo(field);
    }
}
