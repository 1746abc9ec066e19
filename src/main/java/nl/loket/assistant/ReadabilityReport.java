package nl.loket.assistant;

import java.util.List;

/**
 * How readable an answer is. score is Flesch-Douma for Dutch, Flesch reading ease for English (higher is
 * easier); passes when the score reaches the language's bar and no sentence is longer than 20 words.
 */
record ReadabilityReport(double score, int sentences, int words, int longestSentenceWords, String longestSentence,
                         List<String> tooLongSentences, boolean passes) {

    ReadabilityReport {
        tooLongSentences = List.copyOf(tooLongSentences);
    }
}
