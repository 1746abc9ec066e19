package nl.loket.knowledge;

import java.util.List;

/**
 * The questions the assistant could not answer lately, grouped by a word they share and with personal data taken out,
 * for the editors: each group can become a new article, each question an example of an existing one. A port owned by
 * knowledge: insight, which keeps the questions, implements it, so knowledge never imports insight. Without an
 * implementation the editors see no questions.
 */
public interface UnansweredQuestions {

    /** Days the editors' page looks back. */
    int DAYS = 30;

    /** The groups of the last {@code days} days, today included, largest first. */
    List<Group> lastDays(int days);

    /** Every such question of the last {@code days} days (redacted), newest first, at most {@code limit}. */
    List<String> questions(int days, int limit);

    /** Questions that share {@code term}; {@code examples} are the newest of them (redacted), {@code count} all. */
    record Group(String term, long count, List<String> examples) {
    }
}
