package nl.loket.registry;

import nl.loket.contact.Resolution;
import nl.loket.contact.AssistantOutcome;
import nl.loket.contact.AuthorRole;
import nl.loket.contact.ContactService;
import nl.loket.contact.Conversation;
import nl.loket.contact.Direction;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Identity;
import nl.loket.contact.Message;
import nl.loket.contact.Resident;
import nl.loket.platform.Prompts;
import nl.loket.registry.RegistrationJobs.Created;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Registers one closed conversation, step by step: Klantcontact with the resident as betrokkene (one
 * request, with an onderwerpobject naming the Loket conversation), their digital addresses, the actors that took part and, when the conversation was referred to the back
 * office, an InterneTaak. Each created resource is remembered before the next step, so a retry or an
 * operator's replay continues where it stopped and never creates a second Klantcontact.
 */
@Component("klantcontactRegistrar")
class KlantcontactRegistrar {

    private static final Logger log = LoggerFactory.getLogger(KlantcontactRegistrar.class);

    /** How the onderwerpobject names a Loket conversation: register {@code loket}, object type {@code gesprek}. */
    static final String REGISTER = "loket";
    /** Progress marker: the create request went out, so the API may hold the Klantcontact already. */
    private static final String SENT = "klantcontact:sent";
    private static final int QUESTION_SHARE = 600;

    private final ContactService contacts;
    private final RegistrationJobs jobs;
    private final KlantinteractiesClient client;
    private final Actors actors;
    private final Prompts prompts;
    private final KlantinteractiesProperties properties;

    KlantcontactRegistrar(ContactService contacts, RegistrationJobs jobs, KlantinteractiesClient client, Actors actors,
                          Prompts prompts, KlantinteractiesProperties properties) {
        this.contacts = contacts;
        this.jobs = jobs;
        this.client = client;
        this.actors = actors;
        this.prompts = prompts;
        this.properties = properties;
    }

    /** Called by the route {@code registry-outbox} for each job taken from the outbox. */
    public void register(String conversationId) {
        if (jobs.isDone(conversationId)) {
            jobs.done(conversationId);
            return;
        }
        jobs.attempt(conversationId);
        Conversation conversation = contacts.conversation(conversationId)
                .orElseThrow(() -> new RegistrationRejected("conversation " + conversationId + " is no longer stored", 0, null));
        List<Message> messages = contacts.messages(conversationId);
        Optional<Resident> resident = contacts.resident(conversation.residentId());

        Created[] made = klantcontactWithBetrokkene(conversationId, conversation, messages);
        Created klantcontact = made[0];
        Created betrokkene = made[1];
        List<Map<String, Object>> addresses = resident.map(r -> digitaleAdressen(r, betrokkene)).orElse(List.of());
        for (int i = 0; i < addresses.size(); i++) {
            Map<String, Object> address = addresses.get(i);
            step(conversationId, "digitaaladres:" + i, () -> client.create("/digitaleadressen", address));
        }
        if (assistantTookPart(conversation, messages)) {
            step(conversationId, "actor:" + Actors.ASSISTANT,
                    () -> client.create("/actorklantcontacten", actorLink(actors.assistant(), klantcontact)));
        }
        if (agentTookPart(conversation, messages)) {
            step(conversationId, "actor:" + Actors.AGENTS,
                    () -> client.create("/actorklantcontacten", actorLink(actors.agents(), klantcontact)));
        }
        if (conversation.resolution() == Resolution.REFERRED) {
            step(conversationId, "internetaak",
                    () -> client.create("/internetaken", interneTaak(conversation, messages, klantcontact)));
        }
        jobs.done(conversationId);
        log.info("Conversation {} registered as Klantcontact {}", conversationId, klantcontact.uuid());
    }

    /**
     * Klantcontact, betrokkene and an onderwerpobject naming this conversation, in one request
     * ({@code /maak-klantcontact}), so they exist together or not at all. When an earlier try may have reached
     * the API (it timed out, or the process stopped before storing the answer), Loket first looks the
     * Klantcontact up by that onderwerpobject instead of creating a second one.
     */
    private Created[] klantcontactWithBetrokkene(String conversationId, Conversation conversation, List<Message> messages) {
        Optional<Created> klantcontact = jobs.step(conversationId, "klantcontact");
        Optional<Created> betrokkene = jobs.step(conversationId, "betrokkene");
        if (klantcontact.isPresent() && betrokkene.isPresent()) {
            return new Created[] {klantcontact.get(), betrokkene.get()};
        }
        Optional<Created[]> earlier = jobs.step(conversationId, SENT).isPresent()
                ? findRegistered(conversationId) : Optional.empty();
        Created[] made = earlier.orElseGet(() -> {
            jobs.stepDone(conversationId, SENT, new Created("-", null));
            JsonNode answer = client.create("/maak-klantcontact", maakKlantcontact(conversationId, conversation, messages));
            return new Created[] {created(answer.path("klantcontact")), created(answer.path("betrokkene"))};
        });
        jobs.stepDone(conversationId, "klantcontact", made[0]);
        jobs.stepDone(conversationId, "betrokkene", made[1]);
        return made;
    }

    private Optional<Created[]> findRegistered(String conversationId) {
        JsonNode found = client.list("/klantcontacten", Map.of(
                "onderwerpobject__onderwerpobjectidentificatorCodeRegister", REGISTER,
                "onderwerpobject__onderwerpobjectidentificatorObjectId", conversationId));
        for (JsonNode klantcontact : found.path("results")) {
            JsonNode betrokkene = klantcontact.path("hadBetrokkenen").path(0);
            if (!betrokkene.isMissingNode()) {
                log.info("Conversation {} was registered by an earlier try as Klantcontact {}", conversationId,
                        klantcontact.path("uuid").asString(""));
                return Optional.of(new Created[] {created(klantcontact), created(betrokkene)});
            }
        }
        return Optional.empty();
    }

    private Created step(String conversationId, String step, Supplier<JsonNode> create) {
        Optional<Created> done = jobs.step(conversationId, step);
        if (done.isPresent()) {
            return done.get();
        }
        Created created = created(create.get());
        jobs.stepDone(conversationId, step, created);
        return created;
    }

    /** The uuid and url of a resource the API answered with; the uuid is the url's last segment when absent. */
    static Created created(JsonNode resource) {
        String url = resource.path("url").asString(null);
        String uuid = resource.path("uuid").asString(null);
        if (uuid == null && url != null) {
            uuid = url.replaceAll("/+$", "").replaceAll(".*/", "");
        }
        if (uuid == null) {
            throw new RegistrationRejected("the API answered without uuid or url", 0, null);
        }
        return new Created(uuid, url);
    }

    // ---- request bodies (field rules in docs/registry.md) ----

    Map<String, Object> klantcontact(Conversation conversation, List<Message> messages) {
        String language = conversation.language() == null ? "nl" : conversation.language();
        String kanaal = KlantcontactContent.kanaal(conversation.channel(), properties.kanalen());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kanaal", KlantcontactContent.fit(kanaal, 50));
        body.put("onderwerp", onderwerp(conversation, kanaal, language));
        body.put("inhoud", inhoud(messages, language));
        body.put("indicatieContactGelukt", true);
        body.put("taal", KlantcontactContent.taal(language));
        body.put("vertrouwelijk", conversation.confidential());
        body.put("plaatsgevondenOp", conversation.startedAt().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return body;
    }

    private String onderwerp(Conversation conversation, String kanaal, String language) {
        String subject = conversation.subject() != null && !conversation.subject().isBlank()
                ? KlantcontactContent.forResident(conversation.subject())
                : KlantcontactContent.topicWords(conversation.topic());
        if (subject == null) {
            subject = prompts.text("registry/onderwerp", language, Map.of("kanaal", kanaal));
        }
        return KlantcontactContent.fit(subject, KlantcontactContent.ONDERWERP_MAX);
    }

    /** The resident's question and the last answer they got, fit to show them again. */
    String inhoud(List<Message> messages, String language) {
        String question = messages.stream()
                .filter(m -> m.direction() == Direction.IN && m.authorRole() == AuthorRole.RESIDENT)
                .map(Message::text).filter(Objects::nonNull).findFirst().orElse("");
        String answer = messages.stream()
                .filter(m -> m.direction() == Direction.OUT)
                .map(Message::text).filter(t -> t != null && !t.isBlank())
                .reduce((a, b) -> b).orElse(null);
        String shownQuestion = KlantcontactContent.fit(KlantcontactContent.forResident(question),
                answer == null ? KlantcontactContent.INHOUD_MAX : QUESTION_SHARE);
        String text = answer == null
                ? prompts.text("registry/inhoud-vraag", language, Map.of("question", shownQuestion))
                : prompts.text("registry/inhoud", language,
                        Map.of("question", shownQuestion, "answer", KlantcontactContent.forResident(answer)));
        return KlantcontactContent.fit(text, KlantcontactContent.INHOUD_MAX);
    }

    Map<String, Object> maakKlantcontact(String conversationId, Conversation conversation, List<Message> messages) {
        Map<String, Object> betrokkene = new LinkedHashMap<>();
        betrokkene.put("rol", "klant");
        betrokkene.put("initiator", true);
        Map<String, Object> identificator = new LinkedHashMap<>();
        identificator.put("objectId", conversationId);
        identificator.put("codeObjecttype", "gesprek");
        identificator.put("codeRegister", REGISTER);
        identificator.put("codeSoortObjectId", "id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("klantcontact", klantcontact(conversation, messages));
        body.put("betrokkene", betrokkene);
        body.put("onderwerpobject", Map.of("onderwerpobjectidentificator", identificator));
        return body;
    }

    /** The resident's e-mail addresses and personal phone numbers; service numbers and chat ids are not addresses. */
    static List<Map<String, Object>> digitaleAdressen(Resident resident, Created betrokkene) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Identity identity : resident.identities()) {
            Optional<String> adres = switch (identity.kind()) {
                case EMAIL -> KlantcontactContent.email(identity.value());
                case PHONE -> KlantcontactContent.personalPhone(identity.value());
                default -> Optional.empty();
            };
            adres.ifPresent(a -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("verstrektDoorBetrokkene", Map.of("uuid", betrokkene.uuid()));
                body.put("adres", a);
                body.put("soortDigitaalAdres", identity.kind() == Identity.Kind.EMAIL ? "email" : "telefoonnummer");
                out.add(body);
            });
        }
        return out;
    }

    private static Map<String, Object> actorLink(Created actor, Created klantcontact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actor", Map.of("uuid", actor.uuid()));
        body.put("klantcontact", Map.of("uuid", klantcontact.uuid()));
        return body;
    }

    private Map<String, Object> interneTaak(Conversation conversation, List<Message> messages, Created klantcontact) {
        EscalationReason reason = conversation.outcomes().stream().map(AssistantOutcome::reason)
                .filter(Objects::nonNull).reduce((a, b) -> b).orElse(EscalationReason.NO_ANSWER);
        String summary = messages.stream()
                .filter(m -> m.direction() == Direction.IN && m.authorRole() == AuthorRole.RESIDENT)
                .map(Message::redactedText).filter(t -> t != null && !t.isBlank())
                .collect(Collectors.joining(" / "));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aanleidinggevendKlantcontact", Map.of("uuid", klantcontact.uuid()));
        body.put("toegewezenAanActoren", List.of(Map.of("uuid", actors.agents().uuid())));
        body.put("gevraagdeHandeling", KlantcontactContent.fit(prompts.text("registry/gevraagde-handeling", "nl",
                Map.of("reference", conversation.reference())), KlantcontactContent.GEVRAAGDE_HANDELING_MAX));
        body.put("toelichting", KlantcontactContent.fit(prompts.text("registry/toelichting", "nl",
                Map.of("reason", reasonWords(reason), "summary", summary)), KlantcontactContent.TOELICHTING_MAX));
        body.put("status", "te_verwerken");
        return body;
    }

    private String reasonWords(EscalationReason reason) {
        return prompts.raw("registry/redenen.txt").lines()
                .filter(l -> l.startsWith(reason.name() + "="))
                .map(l -> l.substring(reason.name().length() + 1).strip())
                .findFirst().orElse(reason.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    private static boolean assistantTookPart(Conversation conversation, List<Message> messages) {
        return !conversation.outcomes().isEmpty() || messages.stream().anyMatch(m -> m.authorRole() == AuthorRole.ASSISTANT);
    }

    /** A person took part when they wrote, or closed it with their own resolution (not the idle close of the assistant). */
    private static boolean agentTookPart(Conversation conversation, List<Message> messages) {
        boolean closedByPerson = conversation.resolution() != null
                && !conversation.resolution().closedByAssistant();
        return closedByPerson || messages.stream().anyMatch(m -> m.authorRole() == AuthorRole.AGENT);
    }
}
