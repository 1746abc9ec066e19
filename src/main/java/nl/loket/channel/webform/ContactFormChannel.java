package nl.loket.channel.webform;

import nl.loket.contact.ContactProperties;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.Receipt;
import nl.loket.contact.Reply;
import nl.loket.platform.FormParameters;
import nl.loket.platform.HttpResponses;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Json;
import nl.loket.platform.RequestBodies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /api/forms/contact}, JSON or form-encoded, called from {@code routes/webform.yaml}. */
@Component("contactFormChannel")
class ContactFormChannel {

    /** @param phoneCheck {@code DOUBTFUL} when the phone number given may not exist; absent otherwise */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Submitted(String reference, Reply reply, String phoneCheck) { }

    private static final String PHONE_DOUBTFUL = "loket.phoneDoubtful";

    private final HttpResponses responses;
    private final Json json;
    private final Clock clock;
    private final ContactProperties properties;

    ContactFormChannel(HttpResponses responses, Json json, Clock clock, ContactProperties properties) {
        this.responses = responses;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    public InboundMessage toInbound(Exchange exchange) {
        ContactForm form = ContactForm.parse(fields(exchange), properties.maxMessageLength());
        exchange.setProperty(PHONE_DOUBTFUL, form.phoneDoubtful());
        return form.toInbound(OffsetDateTime.now(clock));
    }

    public void reply(Exchange exchange) {
        Receipt receipt = exchange.getMessage().getBody(Receipt.class);
        boolean doubtful = Boolean.TRUE.equals(exchange.getProperty(PHONE_DOUBTFUL, Boolean.class));
        responses.json(exchange, 202, new Submitted(receipt.reference(), receipt.reply(), doubtful ? "DOUBTFUL" : null));
    }

    private Map<String, String> fields(Exchange exchange) {
        String contentType = RequestBodies.contentType(exchange);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return FormParameters.of(exchange);
        }
        if (contentType.startsWith("application/json") || contentType.isEmpty()) {
            JsonNode body = json.parseRequest(RequestBodies.text(exchange));
            Map<String, String> out = new HashMap<>();
            for (String field : ContactForm.FIELDS) {
                JsonNode value = body.get(field);
                if (value != null && !value.isNull()) {
                    if (!value.isValueNode()) {
                        throw new InvalidRequestException(field, "'" + field + "' must be text.");
                    }
                    out.put(field, value.asString());
                }
            }
            return out;
        }
        throw new InvalidRequestException("Content-Type",
                "Send the form as application/json or application/x-www-form-urlencoded.");
    }
}
