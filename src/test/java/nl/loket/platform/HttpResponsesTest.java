package nl.loket.platform;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a caller of a channel route gets back: the reply a channel built, and nothing of its own request. */
class HttpResponsesTest {

    final HttpResponses responses = new HttpResponses(new Json(JsonMapper.builder().build()));

    @Test
    void aJsonReplyCarriesItsStatusAndBody() {
        HttpReply reply = responses.json(202, Map.of("reference", "LK-ABC-DEF"));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(reply.body()).isEqualTo("{\"reference\":\"LK-ABC-DEF\"}");
    }

    @Test
    void noRequestHeaderGoesBackOnlyTheReplysOwn() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("Authorization", "Bearer secret");
        exchange.getMessage().setHeader("X-Twilio-Signature", "abc");
        exchange.getMessage().setBody(HttpReply.of(200, "text/xml", "<Response/>").withHeader("Loket-Agent-Typing", "true"));

        responses.process(exchange);

        assertThat(exchange.getMessage().getHeaders()).containsOnly(
                Map.entry(Exchange.HTTP_RESPONSE_CODE, 200),
                Map.entry(Exchange.CONTENT_TYPE, "text/xml"),
                Map.entry("Loket-Agent-Typing", "true"));
        assertThat(exchange.getMessage().getBody()).isEqualTo("<Response/>");
    }

    @Test
    void aRouteWithoutAReplyFailsInsteadOfAnsweringWithItsBody() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("a resident's words");
        assertThatThrownBy(() -> responses.process(exchange))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("resident");
    }

    @Test
    void redisTroubleAsksTheCallerToTryAgainLater() {
        HttpReply reply = responses.problem(new JedisConnectionException("refused"), "/api/forms/contact");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(reply.headers()).containsEntry("Retry-After", RedisTrouble.RETRY_AFTER_SECONDS);
        assertThat(reply.body()).contains("\"instance\":\"/api/forms/contact\"");
    }

    @Test
    void aBusinessProblemNeedsNoRetry() {
        HttpReply reply = responses.problem(new InvalidRequestException("text", "'text' is required."), "/api/chat");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers()).isEmpty();
    }
}
