package nl.loket.platform;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loket's one JSON mapper (Jackson 3, as Spring Boot configures it) for stored records and API
 * bodies. Camel's own data formats keep their Jackson 2 to themselves.
 */
@Component
public class Json {

    private final JsonMapper mapper;

    public Json(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public <T> T read(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    /** Parses a request body; malformed JSON becomes a 400 that says so, not a 500. */
    public JsonNode parseRequest(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "The request body is empty; send a JSON object.");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidRequestException("body", "The request body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidRequestException("body", "The request body is not valid JSON.");
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
