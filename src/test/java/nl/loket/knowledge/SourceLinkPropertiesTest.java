package nl.loket.knowledge;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings of the source-link check that could not keep one run inside its lock are refused at start-up. */
class SourceLinkPropertiesTest {

    @Test
    void theDefaultsCheckDailyWithTenSecondsPerRequest() {
        SourceLinkProperties defaults = SourceLinkProperties.defaults();
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.interval()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aRunLimitThatCannotHoldAHeadAndAGetIsRefused() {
        assertThatThrownBy(() -> new SourceLinkProperties(true, Duration.ofHours(24), Duration.ofSeconds(10),
                Duration.ofMinutes(1), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run-limit");
    }

    @Test
    void aTimeoutOfZeroIsRefused() {
        assertThatThrownBy(() -> new SourceLinkProperties(true, Duration.ofHours(24), Duration.ZERO,
                Duration.ofMinutes(1), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }
}
