package nl.loket.registry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KlantinteractiesPropertiesTest {

    static KlantinteractiesProperties of(String baseUrl, String token) {
        return new KlantinteractiesProperties(baseUrl, token, Duration.ofSeconds(10), 5, 2000, Duration.ofSeconds(2),
                Duration.ofMinutes(10), "Digitale assistent Loket", "Klantcontactcentrum (Loket)", null);
    }

    @Test
    void absentOrBlankBaseUrlMeansOff() {
        assertThat(of(null, null).enabled()).isFalse();
        assertThat(of("  ", null).enabled()).isFalse();
    }

    @Test
    void aBaseUrlNeedsAToken() {
        assertThatThrownBy(() -> of("https://klanten.example.nl/klantinteracties/api/v1", " "))
                .hasMessageContaining("loket.klantinteracties.token");
    }

    @Test
    void aTrailingSlashIsDropped() {
        KlantinteractiesProperties p = of("https://klanten.example.nl/klantinteracties/api/v1/", "t");
        assertThat(p.enabled()).isTrue();
        assertThat(p.baseUrl()).isEqualTo("https://klanten.example.nl/klantinteracties/api/v1");
    }
}
