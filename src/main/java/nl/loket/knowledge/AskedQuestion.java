package nl.loket.knowledge;

import java.util.Objects;

/**
 * A question as a resident asked it, labelled with the topic that answers it, or with none when no article does (out
 * of scope). Such questions teach the topic categorizer how residents put things, beside the articles' own examples;
 * they are never shown to anyone.
 *
 * @param language {@code nl} or {@code en}
 * @param topic    the answering topic, or {@code null} for a question no article answers
 * @param text     the question as asked
 */
record AskedQuestion(String language, String topic, String text) {

    AskedQuestion {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
    }

    boolean outOfScope() {
        return topic == null;
    }
}
