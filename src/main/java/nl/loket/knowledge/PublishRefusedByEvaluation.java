package nl.loket.knowledge;

import nl.loket.platform.ProblemException;

/**
 * The evaluation gate refused a draft: published, it would answer more labelled questions wrongly or no longer handle
 * a crisis message as one. Nothing is published; a supervisor may publish it anyway (audited with the approval).
 */
class PublishRefusedByEvaluation extends ProblemException {

    private final transient PublishGate.Report report;

    PublishRefusedByEvaluation(DraftId draft, PublishGate.Report report) {
        super(409, "Publish refused by the evaluation gate", null, "Draft " + draft + " was not published: "
                + report.summary() + ". Change the draft, or ask a supervisor to publish it anyway.");
        this.report = report;
    }

    PublishGate.Report report() {
        return report;
    }
}
