package nl.loket.contact;

/** Why a conversation went to a person instead of being answered by the assistant. */
public enum EscalationReason {
    CRISIS, COMPLAINT, CASE_SPECIFIC, HUMAN_REQUESTED, UNSAFE_INPUT, NO_ANSWER, COMPLEX, LANGUAGE;

    /** Crisis goes first in line; everything else waits its turn by how much it hurts to wait. */
    public Priority defaultPriority() {
        return switch (this) {
            case CRISIS -> Priority.URGENT;
            case COMPLAINT, CASE_SPECIFIC, COMPLEX -> Priority.HIGH;
            default -> Priority.NORMAL;
        };
    }
}
