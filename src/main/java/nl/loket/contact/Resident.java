package nl.loket.contact;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A resident as Loket knows them (≈ Klantinteracties Partij): the identities seen on each channel
 * and what they prefer. No BSN unless a channel verified it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resident(
        String id,
        List<Identity> identities,
        String displayName,
        String preferredLanguage,
        Channel preferredChannel,
        OffsetDateTime createdAt,
        OffsetDateTime lastContactAt) {

    public Resident {
        identities = identities == null ? List.of() : List.copyOf(identities);
    }
}
