package nl.loket.registry;

import nl.loket.registry.RegistrationJobs.Created;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two actors Loket registers contacts under: its assistant ({@code geautomatiseerde_actor}) and its
 * agents as a team ({@code organisatorische_eenheid}). Each is looked up by name in the API or created,
 * once, and then remembered in Redis, so a thousand contacts share one actor.
 */
@Component
class Actors {

    static final String ASSISTANT = "assistant";
    static final String AGENTS = "agents";

    private final KlantinteractiesClient client;
    private final RegistrationJobs jobs;
    private final KlantinteractiesProperties properties;

    Actors(KlantinteractiesClient client, RegistrationJobs jobs, KlantinteractiesProperties properties) {
        this.client = client;
        this.jobs = jobs;
        this.properties = properties;
    }

    Created assistant() {
        return jobs.actor(ASSISTANT).orElseGet(() -> jobs.rememberActor(ASSISTANT,
                findOrCreate("geautomatiseerde_actor", properties.assistantName(), Map.of(
                        "functie", "Digitale assistent",
                        "omschrijving", "Beantwoordt eenvoudige vragen van inwoners uit de kennisbank van de gemeente"))));
    }

    Created agents() {
        return jobs.actor(AGENTS).orElseGet(() -> jobs.rememberActor(AGENTS,
                findOrCreate("organisatorische_eenheid", properties.agentsName(), Map.of(
                        "omschrijving", "Medewerkers die inwoners via Loket te woord staan"))));
    }

    private Created findOrCreate(String soortActor, String naam, Map<String, Object> identificatie) {
        JsonNode found = client.list("/actoren", Map.of("soortActor", soortActor, "naam", naam));
        for (JsonNode actor : found.path("results")) {
            if (naam.equals(actor.path("naam").asString(null)) && actor.path("indicatieActief").asBoolean(true)) {
                return KlantcontactRegistrar.created(actor);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("naam", naam);
        body.put("soortActor", soortActor);
        body.put("indicatieActief", true);
        body.put("actorIdentificatie", identificatie);
        return KlantcontactRegistrar.created(client.create("/actoren", body));
    }
}
