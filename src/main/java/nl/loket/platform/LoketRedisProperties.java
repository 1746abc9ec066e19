package nl.loket.platform;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Where Loket keeps its data.
 *
 * @param url       {@code redis://[user:password@]host:port[/db]}; empty starts an embedded Redis on a free port
 * @param keyPrefix every key Loket writes starts with this, so one Redis can be shared
 * @param poolSize  connections per instance
 * @param timeout   connect and read timeout; short, so a hanging Redis fails fast instead of blocking residents
 */
@Validated
@ConfigurationProperties("loket.redis")
public record LoketRedisProperties(
        String url,
        @NotBlank @DefaultValue("loket") String keyPrefix,
        @Min(2) @DefaultValue("32") int poolSize,
        @NotNull @DefaultValue("2s") Duration timeout) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
