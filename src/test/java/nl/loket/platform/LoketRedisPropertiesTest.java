package nl.loket.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration contract of {@code loket.redis.*}: one way to Redis, Sentinel as master name plus nodes. */
class LoketRedisPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LoketRedisProperties.class)
    static class PropertiesOnly {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void withoutAnyAddressLoketStartsItsEmbeddedRedisAndWaitsForNoReplica() {
        runner.run(context -> {
            LoketRedisProperties redis = context.getBean(LoketRedisProperties.class);
            assertThat(redis.embedded()).isTrue();
            assertThat(redis.sentinel().configured()).isFalse();
            assertThat(redis.replication().waitReplicas()).isEqualTo(1);
            assertThat(redis.replication().timeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(redis.replication().required()).isFalse();
        });
    }

    @Test
    void aSentinelMasterNameAndNodesSelectSentinelWithPasswordAndAclUser() {
        runner.withPropertyValues("loket.redis.sentinel.master=loket",
                        "loket.redis.sentinel.nodes=10.0.0.1:26379,10.0.0.2:26379,10.0.0.3:26379",
                        "loket.redis.username=loket", "loket.redis.password=geheim")
                .run(context -> {
                    LoketRedisProperties redis = context.getBean(LoketRedisProperties.class);
                    assertThat(redis.embedded()).isFalse();
                    assertThat(redis.sentinel().nodes()).containsExactly("10.0.0.1:26379", "10.0.0.2:26379", "10.0.0.3:26379");
                    assertThat(redis.username()).isEqualTo("loket");
                    assertThat(redis.password()).isEqualTo("geheim");
                });
    }

    @Test
    void aUrlAndSentinelTogetherAreRefusedAtStartUp() {
        runner.withPropertyValues("loket.redis.url=redis://127.0.0.1:6379", "loket.redis.sentinel.master=loket",
                "loket.redis.sentinel.nodes=127.0.0.1:26379").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("choose one of loket.redis.url"));
    }

    @Test
    void aMasterNameWithoutNodesOrANodeWithoutPortIsRefused() {
        runner.withPropertyValues("loket.redis.sentinel.master=loket").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("go together"));
        runner.withPropertyValues("loket.redis.sentinel.master=loket", "loket.redis.sentinel.nodes=sentinel-1").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("must be host:port"));
    }

    @Test
    void theReplicationWaitMustEndBeforeTheRedisTimeoutDoes() {
        runner.withPropertyValues("loket.redis.timeout=1s", "loket.redis.replication.timeout=1s").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("shorter than loket.redis.timeout"));
    }
}
