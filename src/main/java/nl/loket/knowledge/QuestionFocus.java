package nl.loket.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The sentences of a long message that ask something: a letter's context first, its question last. */
final class QuestionFocus {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+|\\R+");
    private static final Set<String> QUESTION_WORDS = Set.of("hoe", "wat", "waar", "wanneer", "waarom", "wie", "welke",
            "welk", "kan", "kun", "kunt", "mag", "moet", "is", "zijn", "heb", "hebben", "krijg", "how", "what", "where",
            "when", "why", "who", "which", "can", "could", "may", "must", "should", "do", "does", "are", "will");

    private QuestionFocus() {
    }

    /** The asking sentences, or null when the message has one sentence or none of its sentences asks. */
    static String askingPart(String text) {
        String[] sentences = SENTENCE_END.split(text.strip());
        if (sentences.length < 2) {
            return null;
        }
        List<String> asking = new ArrayList<>();
        for (String s : sentences) {
            String t = s.strip();
            if (t.isEmpty()) {
                continue;
            }
            String first = t.split("[\\s,]+", 2)[0].toLowerCase(Locale.ROOT);
            if (t.endsWith("?") || QUESTION_WORDS.contains(first)) {
                asking.add(t);
            }
        }
        return asking.isEmpty() || asking.size() == sentences.length ? null : String.join(" ", asking);
    }
}
