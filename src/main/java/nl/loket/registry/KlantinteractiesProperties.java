package nl.loket.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import nl.loket.contact.Channel;

import java.time.Duration;
import java.util.Map;

/**
 * The municipality's Klantinteracties API. Without a base URL the registry is off: nothing is queued,
 * nothing is sent, nothing fails.
 *
 * @param baseUrl         e.g. {@code https://klanten.gemeente.nl/klantinteracties/api/v1}; empty → off
 * @param token           the API token, sent as {@code Authorization: Token <token>}; required with a base URL
 * @param timeout         connect and response timeout per request; a timeout is retried like a 5xx
 * @param maxRedeliveries retries of one job on a 5xx, a timeout or a refused connection before it becomes a dead letter
 * @param retryDelayMs    wait before the first retry in milliseconds; doubled for every next one
 * @param pollInterval    how often the outbox is read
 * @param lease           a job taken by an instance that stopped before finishing is taken again after this; keep it
 *                        well above all retries of one job together (timeouts and waits), or a slow job is taken twice
 * @param assistantName   name of the {@code geautomatiseerde_actor} that stands for Loket's assistant
 * @param agentsName      name of the {@code organisatorische_eenheid} that stands for Loket's agents
 * @param kanalen         the {@code kanaal} per channel when the API's list of channels uses other words
 *                        (defaults: Live chat, Contactformulier, SMS, Telefoon)
 */
@Validated
@ConfigurationProperties("loket.klantinteracties")
public record KlantinteractiesProperties(
        String baseUrl,
        String token,
        @NotNull @DefaultValue("10s") Duration timeout,
        @Min(0) @Max(20) @DefaultValue("5") int maxRedeliveries,
        @Min(1) @DefaultValue("2000") long retryDelayMs,
        @NotNull @DefaultValue("2s") Duration pollInterval,
        @NotNull @DefaultValue("10m") Duration lease,
        @NotBlank @DefaultValue("Digitale assistent Loket") String assistantName,
        @NotBlank @DefaultValue("Klantcontactcentrum (Loket)") String agentsName,
        Map<Channel, String> kanalen) {

    public KlantinteractiesProperties {
        if (baseUrl != null && !baseUrl.isBlank() && (token == null || token.isBlank())) {
            throw new IllegalArgumentException("loket.klantinteracties.token is required when base-url is set");
        }
        kanalen = kanalen == null ? Map.of() : Map.copyOf(kanalen);
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
    }

    /** Registration runs only when the API is configured. */
    public boolean enabled() {
        return baseUrl != null;
    }
}
