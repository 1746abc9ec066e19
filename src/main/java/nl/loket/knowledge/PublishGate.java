package nl.loket.knowledge;

import java.util.List;

/** What decides, after four eyes, whether a draft may go live: {@link EvaluationGate} in the application. */
interface PublishGate {

    /** Checks the release as it would be with {@code draft} published; never publishes anything itself. */
    Report check(Article draft);

    /**
     * @param question what was asked (personal data redacted)
     * @param expected the topic that answers it, "-" for none, "CRISIS" for a crisis message
     * @param before   outcome and topic (or reason) on the live release
     * @param after    outcome and topic (or reason) on the candidate
     * @param worse    a right answer or a handled crisis became wrong
     */
    record Change(String question, String expected, String before, String after, boolean worse) {
    }

    /**
     * @param checked            questions run on both
     * @param falseAnswersBefore wrong answers on the live release
     * @param falseAnswersAfter  wrong answers on the candidate
     * @param crisisMissed       crisis messages the live release handled as crisis and the candidate does not
     * @param changes            every question whose outcome or topic changed
     */
    record Report(int checked, int falseAnswersBefore, int falseAnswersAfter, int crisisMissed, List<Change> changes) {

        boolean passes() {
            return falseAnswersAfter <= falseAnswersBefore && crisisMissed == 0;
        }

        String summary() {
            return "false answers " + falseAnswersBefore + " → " + falseAnswersAfter + ", crisis messages no longer handled "
                    + crisisMissed + ", " + changes.size() + " of " + checked + " questions changed";
        }
    }
}
