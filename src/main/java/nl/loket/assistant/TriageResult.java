package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;

/** Why a message goes to a person, how urgently, and which list entry said so (never resident text). */
record TriageResult(EscalationReason reason, Priority priority, String signal) {

    static TriageResult of(EscalationReason reason, String signal) {
        return new TriageResult(reason, reason.defaultPriority(), signal);
    }
}
