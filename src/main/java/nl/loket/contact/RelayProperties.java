package nl.loket.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Relay services (such as Tolkcontact for deaf and hard-of-hearing residents) and the numbers
 * their calls come from, so a relay call is marked as one even when the platform does not say so.
 *
 * @param numbers relay name → the numbers (any notation) its calls come from, e.g. {@code TOLKCONTACT: ["+31..."]}
 */
@ConfigurationProperties("loket.relay")
public record RelayProperties(@DefaultValue Map<String, List<String>> numbers) {

    /** The relay a call from this number goes through, if any. */
    public Optional<String> relayOf(String e164) {
        if (e164 == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> relay : numbers.entrySet()) {
            for (String number : relay.getValue()) {
                if (PhoneNumbers.toE164(number).map(e164::equals).orElse(false)) {
                    return Optional.of(relay.getKey().toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        return Optional.empty();
    }
}
