package nl.loket.assistant;

import nl.loket.contact.Channel;
import nl.loket.contact.Conversation;
import nl.loket.contact.Direction;
import nl.loket.contact.AuthorRole;
import nl.loket.contact.Message;
import nl.loket.contact.Reply;
import nl.loket.contact.Responder;
import nl.loket.knowledge.Article;
import nl.loket.knowledge.DraftChecks;
import nl.loket.knowledge.KnowledgeBase;
import nl.loket.platform.privacy.PersonalDataRedactor;
import nl.loket.platform.text.ResourceLines;
import nl.loket.platform.text.SmsSegments;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The assistant's own rules, lent to the editors' pages: the readability check the build runs on every article, the
 * SMS rendering, and the pipeline of {@link GuardedAssistant} for a test question against a candidate release.
 */
@Component
class EditorDraftChecks implements DraftChecks {

    /** Shown in an escalation reply of a test question; no conversation exists. */
    static final String TEST_REFERENCE = "LK-TEST";

    private final ReadabilityCheck readability = new ReadabilityCheck();
    private final PersonalDataRedactor redactor = new PersonalDataRedactor();
    private final GuardedAssistant assistant;
    private final AnswerRenderer renderer;

    EditorDraftChecks(GuardedAssistant assistant, AnswerRenderer renderer) {
        this.assistant = assistant;
        this.renderer = renderer;
    }

    @Override
    public Readability readability(String text, String language) {
        ReadabilityReport r = readability.assess(text, language);
        double bar = DetectedLanguage.ENGLISH.equalsIgnoreCase(language) ? ReadabilityCheck.ENGLISH_BAR : ReadabilityCheck.DUTCH_BAR;
        return new Readability(r.score(), bar, r.longestSentenceWords(), ReadabilityCheck.MAX_SENTENCE_WORDS,
                r.longestSentence(), r.passes());
    }

    @Override
    public Sms sms(Article article) {
        String text = AnswerRenderer.sms(article);
        SmsSegments.Segments s = SmsSegments.count(text);
        return new Sms(text, s.encoding() == SmsSegments.Encoding.GSM7 ? "GSM-7" : "UCS-2", s.units(), s.segments());
    }

    @Override
    public String voice(Article article) {
        return renderer.render(article, Channel.PHONE, null, List.of()).text();
    }

    @Override
    public TestAnswer ask(KnowledgeBase candidate, String question) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // A conversation that exists only here: SMS, so no language model rephrases and the reply is the SMS text.
        Conversation conversation = Conversation.opened("test", TEST_REFERENCE, "test", Channel.SMS, null, null, null,
                now, now);
        Message message = new Message("test", "test", Direction.IN, AuthorRole.RESIDENT, Channel.SMS, question,
                redactor.redact(question).text(), now, null, null, null);
        Responder.Decision decision = assistant.decide(conversation, message, () -> candidate, false);
        Reply reply = decision.reply();
        return new TestAnswer(reply.outcome().name(), reply.topic(), decision.confidence(), reply.text(),
                reply.escalation() == null ? null : reply.escalation().reason().name());
    }

    /** The crisis classifier's own written examples (every kind and language it was given), in file order. */
    @Override
    public List<String> crisisExamples() {
        return ResourceLines.read(CrisisClassifier.TRAINING).stream()
                .filter(line -> line.startsWith("CRISIS\t")).map(line -> line.substring("CRISIS\t".length())).toList();
    }
}
