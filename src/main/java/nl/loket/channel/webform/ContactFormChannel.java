package nl.loket.channel.webform;

import nl.loket.contact.ContactProperties;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.Receipt;
import nl.loket.contact.Reply;
import nl.loket.platform.FormParameters;
import nl.loket.platform.HttpReply;
import nl.loket.platform.HttpResponses;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Json;
import nl.loket.platform.RequestBodies;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperties;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
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

    static final String PHONE_DOUBTFUL = "loket.phoneDoubtful";

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

    /**
     * The form as a resident message. Whether the phone number is doubtful is kept on the exchange for
     * {@link #reply}.
     *
     * @param body               the body as platform-http gives it: a map for a form-encoded POST, else a stream
     * @param charset            the request's charset, if it named one
     * @param exchangeProperties the exchange's properties (Camel binds the map itself, so what is put there stays)
     */
    public InboundMessage toInbound(@Header(Exchange.CONTENT_TYPE) String contentType,
                                    @Header(Exchange.CONTENT_LENGTH) Long contentLength, @Body Object body,
                                    @ExchangeProperty(Exchange.CHARSET_NAME) String charset,
                                    @ExchangeProperties Map<String, Object> exchangeProperties) {
        ContactForm form = ContactForm.parse(fields(contentType, contentLength, body, charset), properties.maxMessageLength());
        exchangeProperties.put(PHONE_DOUBTFUL, form.phoneDoubtful());
        return form.toInbound(OffsetDateTime.now(clock));
    }

    /** 202 with the reference and the answer, and {@code "phoneCheck":"DOUBTFUL"} when the number may not exist. */
    public HttpReply reply(@Body Receipt receipt, @ExchangeProperty(PHONE_DOUBTFUL) Boolean phoneDoubtful) {
        boolean doubtful = Boolean.TRUE.equals(phoneDoubtful);
        return responses.json(202, new Submitted(receipt.reference(), receipt.reply(), doubtful ? "DOUBTFUL" : null));
    }

    private Map<String, String> fields(String contentTypeHeader, Long contentLength, Object body, String charset) {
        String contentType = RequestBodies.contentType(contentTypeHeader);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return FormParameters.of(body);
        }
        if (contentType.startsWith("application/json") || contentType.isEmpty()) {
            JsonNode fields = json.parseRequest(RequestBodies.text(contentLength, body, charset));
            Map<String, String> out = new HashMap<>();
            for (String field : ContactForm.FIELDS) {
                JsonNode value = fields.get(field);
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
