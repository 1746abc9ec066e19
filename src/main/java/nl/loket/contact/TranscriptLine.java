package nl.loket.contact;

import java.time.OffsetDateTime;

/** One spoken line of a phone call: who said it (resident, interpreter or agent) and when. */
public record TranscriptLine(AuthorRole speaker, String text, OffsetDateTime at) {
}
