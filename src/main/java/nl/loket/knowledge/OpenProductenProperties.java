package nl.loket.knowledge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The municipality's Open Producten (the Common Ground product catalogue), from which product types are imported as
 * draft articles. Without a base URL the import is off.
 *
 * @param baseUrl      the API root, e.g. {@code https://producten.gemeente.nl/producttypen/api/v0}; empty: no import
 * @param token        the API token, sent as {@code Authorization: Token …}
 * @param syncInterval how often one instance imports on its own; {@code 0s}: only when an editor asks
 * @param timeout      per request
 * @param retries      more tries of a request that failed or answered 5xx, a second apart
 * @param maxPages     pages of product types read at most in one import (a guard against a loop of {@code next} links)
 */
@Validated
@ConfigurationProperties("loket.knowledge.open-producten")
record OpenProductenProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String token,
        @NotNull @DefaultValue("0s") Duration syncInterval,
        @NotNull @DefaultValue("10s") Duration timeout,
        @Min(0) @Max(5) @DefaultValue("2") int retries,
        @Min(1) @Max(1000) @DefaultValue("50") int maxPages) {

    boolean configured() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
