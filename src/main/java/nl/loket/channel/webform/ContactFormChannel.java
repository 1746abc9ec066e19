package nl.loket.channel.webform;

import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.Identity;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.InboundText;
import nl.loket.contact.PhoneNumbers;
import nl.loket.contact.Receipt;
import nl.loket.contact.Reply;
import nl.loket.platform.FormParameters;
import nl.loket.platform.HttpResponses;
import nl.loket.platform.Ids;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Json;
import nl.loket.platform.RequestBodies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code POST /api/forms/contact}, JSON or form-encoded, called from {@code routes/webform.yaml}. */
@Component("contactFormChannel")
class ContactFormChannel {

    /** Pragmatic e-mail syntax: something@domain.tld, no spaces; the mail server decides the rest. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    record Submitted(String reference, Reply reply) { }

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
        Map<String, String> form = fields(exchange);
        String message = InboundText.required(form.get("message"), "message", properties.maxMessageLength());
        String name = InboundText.optional(form.get("name"), "name", 200);
        String subject = InboundText.optional(form.get("subject"), "subject", 200);
        String email = InboundText.optional(form.get("email"), "email", 254);
        String phone = InboundText.optional(form.get("phone"), "phone", 40);
        String language = InboundText.optional(form.get("language"), "language", 5);

        List<Identity> identities = new ArrayList<>();
        if (email != null) {
            if (!EMAIL.matcher(email).matches()) {
                throw new InvalidRequestException("email", "'email' is not a valid e-mail address.");
            }
            identities.add(Identity.email(email));
        }
        if (phone != null) {
            String e164 = PhoneNumbers.toE164(phone).orElseThrow(() ->
                    new InvalidRequestException("phone", "'phone' is not a valid phone number."));
            identities.add(Identity.phone(e164));
        }
        if (identities.isEmpty()) {
            // No way to answer back except through the reference; the contact still counts.
            identities.add(Identity.anonymous(Ids.newId()));
        }
        return new InboundMessage(Channel.WEBFORM, identities, message, OffsetDateTime.now(clock), null, null, null,
                language != null && language.matches("[a-z]{2}") ? language : null, AuthorRole.RESIDENT, subject,
                name, Map.of(), List.of());
    }

    public void reply(Exchange exchange) {
        Receipt receipt = exchange.getMessage().getBody(Receipt.class);
        responses.json(exchange, 202, new Submitted(receipt.reference(), receipt.reply()));
    }

    private Map<String, String> fields(Exchange exchange) {
        String contentType = RequestBodies.contentType(exchange);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return FormParameters.of(exchange);
        }
        if (contentType.startsWith("application/json") || contentType.isEmpty()) {
            JsonNode body = json.parseRequest(RequestBodies.text(exchange));
            Map<String, String> out = new HashMap<>();
            for (String field : List.of("message", "name", "email", "phone", "subject", "language")) {
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
