package nl.loket.contact;

import java.time.OffsetDateTime;

/**
 * Another resident who may be the same person: a form gave the same phone number or e-mail address.
 * Typed details are no proof, so an agent confirms or rejects; until then the two histories stay apart.
 *
 * @param residentId    the other resident
 * @param contacts      how many conversations the other resident has
 * @param lastContactAt when the other resident was last in touch
 */
public record PossibleMatch(String residentId, int contacts, OffsetDateTime lastContactAt) { }
