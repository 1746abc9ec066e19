package nl.loket.registry;

import nl.loket.contact.Channel;
import nl.loket.contact.Identity;
import nl.loket.contact.Resident;
import nl.loket.registry.RegistrationJobs.Created;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of a resident's identities become digital addresses of the betrokkene, and how. */
class DigitaleAdressenTest {

    @Test
    void emailAndPersonalNumbersOnlyServiceNumbersAndChatIdsAreLeftOut() {
        Resident resident = new Resident("r1", List.of(
                Identity.email("Inwoner@Example.NL"),
                Identity.phone("+31612345678"),
                Identity.phone("14024"),
                Identity.phone("+31880500600"),
                Identity.chatVisitor("visitor-1"),
                Identity.anonymous("a-1")), null, "nl", Channel.CHAT, OffsetDateTime.now(), OffsetDateTime.now());

        List<Map<String, Object>> bodies = KlantcontactRegistrar.digitaleAdressen(resident, new Created("b-uuid", null));

        assertThat(bodies).containsExactly(
                Map.of("verstrektDoorBetrokkene", Map.of("uuid", "b-uuid"), "adres", "inwoner@example.nl",
                        "soortDigitaalAdres", "email"),
                Map.of("verstrektDoorBetrokkene", Map.of("uuid", "b-uuid"), "adres", "+31612345678",
                        "soortDigitaalAdres", "telefoonnummer"));
    }

    @Test
    void anAddressLongerThanTheApiTakesIsLeftOut() {
        String longEmail = "a".repeat(75) + "@example.nl";
        Resident resident = new Resident("r2", List.of(Identity.email(longEmail)), null, "nl", Channel.WEBFORM,
                OffsetDateTime.now(), OffsetDateTime.now());
        assertThat(KlantcontactRegistrar.digitaleAdressen(resident, new Created("b", null))).isEmpty();
    }
}
