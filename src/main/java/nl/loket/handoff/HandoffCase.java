package nl.loket.handoff;

import nl.loket.contact.ContactSummary;
import nl.loket.contact.PossibleMatch;
import nl.loket.contact.Conversation;
import nl.loket.contact.Message;
import nl.loket.contact.Resident;

import java.util.List;

/**
 * Everything an agent needs on one task: the task, its conversation with every message, the resident
 * and their other contacts. Unmasked: the reader (agent API, workbench) decides what to show and audits it.
 */
public record HandoffCase(HandoffTask task, Conversation conversation, Resident resident, List<Message> transcript,
                          List<ContactSummary> history, List<PossibleMatch> possibleMatches) {
}
