package nl.loket.channel.sms;

import com.twilio.security.RequestValidator;
import nl.loket.platform.FormParameters;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} on a webhook against the configured auth token and public URL,
 * over exactly the decoded POST parameters. Returns those parameters when the request is genuine.
 */
@Component
public class TwilioSignature {

    private final TwilioProperties properties;

    TwilioSignature(TwilioProperties properties) {
        this.properties = properties;
    }

    public Map<String, String> verifiedParameters(Exchange exchange, String path) {
        if (!properties.webhooksEnabled()) {
            throw new TwilioSignatureRejectedException("Twilio webhooks are not configured (loket.twilio.auth-token is empty).");
        }
        String signature = exchange.getMessage().getHeader("X-Twilio-Signature", String.class);
        if (signature == null || signature.isBlank()) {
            throw new TwilioSignatureRejectedException("The request has no X-Twilio-Signature.");
        }
        Map<String, String> parameters = FormParameters.of(exchange);
        if (!new RequestValidator(properties.authToken()).validate(properties.webhookUrl(path), parameters, signature)) {
            throw new TwilioSignatureRejectedException("The X-Twilio-Signature does not match this request.");
        }
        return parameters;
    }
}
