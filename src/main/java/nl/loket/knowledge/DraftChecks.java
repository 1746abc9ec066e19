package nl.loket.knowledge;

/**
 * What the editors' pages show beside a draft while it is written: the same plain-language check as the build's, the
 * SMS as it will be sent, and a test question through the assistant's own pipeline. The assistant implements it (it
 * owns those rules); the knowledge module only asks, so the rules are never copied.
 */
public interface DraftChecks {

    /** The B1 check of one text (a summary, a body) in the article's language. */
    Readability readability(String text, String language);

    /** The SMS answer the assistant would send for this article. */
    Sms sms(Article article);

    /** What the phone reads out for this article: the summary in short spoken sentences, without links. */
    String voice(Article article);

    /**
     * A question answered as a resident's SMS would be, against the candidate knowledge base: nothing is sent, stored,
     * counted against a resident or shown to a language model.
     */
    TestAnswer ask(KnowledgeBase candidate, String question);

    /**
     * Messages the assistant must handle as a crisis whatever the knowledge base says: the evaluation gate checks that
     * a candidate release still does, on a spread of them. The same ones, in the same order, every time.
     */
    java.util.List<String> crisisExamples();

    /**
     * @param score           Flesch-Douma (Dutch) or Flesch reading ease (English); higher is easier
     * @param bar             the score the text must reach
     * @param longestWords    words in the longest sentence; more than {@code maxSentenceWords} fails
     * @param longestSentence that sentence, as written
     */
    record Readability(double score, double bar, int longestWords, int maxSentenceWords, String longestSentence,
                       boolean passes) {
    }

    /** @param encoding GSM-7 or UCS-2; one character outside GSM-7 makes the whole message UCS-2 */
    record Sms(String text, String encoding, int units, int segments) {
    }

    /**
     * @param outcome    ANSWERED, CLARIFY or ESCALATED
     * @param topic      the topic answered, or the best match when none was answered (may be null)
     * @param confidence the retrieval's confidence, null when the question never reached retrieval (triage)
     * @param text       the reply the resident would get by SMS
     * @param reason     why it went to a person (CRISIS, CASE_SPECIFIC, …), null when it did not
     */
    record TestAnswer(String outcome, String topic, Double confidence, String text, String reason) {
    }
}
