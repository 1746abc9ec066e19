package nl.loket.channel.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;


/**
 * The municipality's Twilio account. Without an auth token, SMS and voice webhooks are refused
 * (nothing unsigned is ever accepted) and outbound SMS reports that it is not configured.
 *
 * @param accountSid     account id (AC…)
 * @param authToken      signs webhooks and authenticates API calls
 * @param fromNumber     the number residents see and reply to (E.164)
 * @param apiBaseUrl     Twilio's API; tests point it at a fake
 * @param webhookBaseUrl Loket's public address as Twilio calls it; the signature covers this exact URL
 */
@Validated
@ConfigurationProperties("loket.twilio")
public record TwilioProperties(
        String accountSid,
        String authToken,
        String fromNumber,
        @NotBlank @DefaultValue("https://api.twilio.com") String apiBaseUrl,
        @NotBlank @DefaultValue("http://localhost:8080") String webhookBaseUrl) {

    public boolean webhooksEnabled() {
        return authToken != null && !authToken.isBlank();
    }

    public boolean sendingEnabled() {
        return webhooksEnabled() && accountSid != null && !accountSid.isBlank() && fromNumber != null && !fromNumber.isBlank();
    }

    /** The URL Twilio signed for a webhook path such as {@code /api/channels/twilio/sms}. */
    public String webhookUrl(String path) {
        String base = webhookBaseUrl.endsWith("/") ? webhookBaseUrl.substring(0, webhookBaseUrl.length() - 1) : webhookBaseUrl;
        return base + path;
    }
}
