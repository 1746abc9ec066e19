package nl.loket.channel.sms;

import com.twilio.security.RequestValidator;
import nl.loket.platform.FormParameters;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} on a webhook against the configured auth token and public URL,
 * over exactly the decoded POST parameters. Returns those parameters when the request is genuine.
 */
@Component
public class TwilioSignature {

    /** The request header that carries Twilio's signature. */
    public static final String HEADER = "X-Twilio-Signature";

    private final TwilioProperties properties;

    public TwilioSignature(TwilioProperties properties) {
        this.properties = properties;
    }

    /**
     * The decoded form parameters of a webhook to {@code path}, when {@code signature} (the request's
     * {@value #HEADER}) signs exactly them; refused (403) otherwise, and always while webhooks are not configured.
     *
     * @param form the form body as platform-http gives it ({@link FormParameters#of(Object)})
     */
    public Map<String, String> verifiedParameters(String path, String signature, Object form) {
        if (!properties.webhooksEnabled()) {
            throw new TwilioSignatureRejectedException("Twilio webhooks are not configured (loket.twilio.auth-token is empty).");
        }
        if (signature == null || signature.isBlank()) {
            throw new TwilioSignatureRejectedException("The request has no X-Twilio-Signature.");
        }
        Map<String, String> parameters = FormParameters.of(form);
        if (!new RequestValidator(properties.authToken()).validate(properties.webhookUrl(path), parameters, signature)) {
            throw new TwilioSignatureRejectedException("The X-Twilio-Signature does not match this request.");
        }
        return parameters;
    }
}
