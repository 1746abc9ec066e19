package nl.loket.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** The municipality's clock: every time Loket stores or shows is in Dutch time with its offset. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(AMSTERDAM);
    }
}
