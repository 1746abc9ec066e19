package nl.loket.channel;

import nl.loket.contact.InboundMessage;
import nl.loket.contact.Receipt;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The shared way in ({@code direct:inbound} in {@code routes/pipeline.yaml}) for a channel that is not itself a
 * Camel route, such as the contact form page: so every channel stores and answers through the same route and the
 * same {@code ContactService.receive}, and a change to that path reaches them all.
 */
@Component
public class InboundRoute {

    static final String ENDPOINT = "direct:inbound";

    private final ProducerTemplate producer;

    InboundRoute(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Stores the message and answers it; a failure comes back as thrown by the pipeline (a problem, Redis trouble). */
    public Receipt receive(InboundMessage message) {
        try {
            return producer.requestBody(ENDPOINT, message, Receipt.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
