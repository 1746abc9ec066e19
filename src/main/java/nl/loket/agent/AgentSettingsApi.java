package nl.loket.agent;

import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Json;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * Team leads only ({@code /api/agent/agents/**}, {@link AgentAccess}): an agent's skills, teams and capacity as they
 * are now, changed without a restart on every instance and audited ({@code SKILLS}, {@code TEAMS}, {@code CAPACITY}),
 * or returned to the configuration. Offering and "Volgende taak" use a change at once.
 */
@RestController
@RequestMapping("/api/agent/agents/{name}")
class AgentSettingsApi {

    private final Json json;
    private final OfferRules rules;
    private final SkillChanges skillChanges;
    private final TeamChanges teamChanges;
    private final CapacityChanges capacityChanges;
    private final QueueAccess access;
    private final AgentCapacity capacity;

    AgentSettingsApi(Json json, OfferRules rules, SkillChanges skillChanges, TeamChanges teamChanges,
                     CapacityChanges capacityChanges, QueueAccess access, AgentCapacity capacity) {
        this.json = json;
        this.rules = rules;
        this.skillChanges = skillChanges;
        this.teamChanges = teamChanges;
        this.capacityChanges = capacityChanges;
        this.access = access;
        this.capacity = capacity;
    }

    /** One agent's skills now, and whether a team lead changed them ({@code changed}) or they are as configured. */
    record SkillsView(String agent, List<String> languages, boolean relay, List<String> channels, boolean changed) {

        static SkillsView of(String agent, AgentSkills skills, boolean changed) {
            return new SkillsView(agent, skills.languages(), skills.relay(),
                    skills.channels().stream().map(Enum::name).toList(), changed);
        }
    }

    /** One agent's teams now (their queues, and the urgent queue first), and whether a team lead changed them. */
    record TeamsView(String agent, List<String> teams, boolean changed) {
    }

    /** One agent's capacity now (null: no limit), and whether a team lead changed it. */
    record CapacityView(String agent, Integer total, Integer chat, Integer phone, Integer sms, Integer webform,
                        boolean changed) {

        static CapacityView of(String agent, AgentAccountProperties.Capacity c, boolean changed) {
            return new CapacityView(agent, c.total(), c.chat(), c.phone(), c.sms(), c.webform(), changed);
        }
    }

    @GetMapping("/skills")
    SkillsView skills(@PathVariable String name) {
        known(name);
        return SkillsView.of(name, rules.skillsOf(name), skillChanges.of(name).isPresent());
    }

    /**
     * {@code {"languages":["nl","tr"],"relay":false,"channels":["CHAT","SMS"]}}; an empty or missing list sets no
     * limit.
     */
    @PutMapping("/skills")
    SkillsView setSkills(@PathVariable String name, @RequestBody(required = false) String body, Authentication lead) {
        known(name);
        JsonNode request = json.parseRequest(body);
        JsonNode relay = request.path("relay");
        if (!relay.isMissingNode() && !relay.isBoolean()) {
            throw new InvalidRequestException("relay", "'relay' must be true or false.");
        }
        AgentSkills skills = skillChanges.set(name, texts(request, "languages"), relay.asBoolean(false),
                texts(request, "channels"), lead.getName());
        return SkillsView.of(name, skills, true);
    }

    @DeleteMapping("/skills")
    SkillsView resetSkills(@PathVariable String name, Authentication lead) {
        known(name);
        skillChanges.reset(name, lead.getName());
        return SkillsView.of(name, rules.skillsOf(name), false);
    }

    @GetMapping("/teams")
    TeamsView teams(@PathVariable String name) {
        known(name);
        return teamsView(name);
    }

    /** {@code {"teams":["belastingen","algemeen-kcc"]}}: at least one, each a configured team. */
    @PutMapping("/teams")
    TeamsView setTeams(@PathVariable String name, @RequestBody(required = false) String body, Authentication lead) {
        known(name);
        teamChanges.set(name, texts(json.parseRequest(body), "teams"), lead.getName());
        return teamsView(name);
    }

    @DeleteMapping("/teams")
    TeamsView resetTeams(@PathVariable String name, Authentication lead) {
        known(name);
        teamChanges.reset(name, lead.getName());
        return teamsView(name);
    }

    @GetMapping("/capacity")
    CapacityView capacity(@PathVariable String name) {
        known(name);
        return CapacityView.of(name, capacity.capacityOf(name), capacityChanges.of(name).isPresent());
    }

    /**
     * {@code {"total":3,"chat":2,"phone":1}}: at most so many tasks at once in all and per channel ({@code sms},
     * {@code webform} too); a limit left out or null sets none.
     */
    @PutMapping("/capacity")
    CapacityView setCapacity(@PathVariable String name, @RequestBody(required = false) String body, Authentication lead) {
        known(name);
        JsonNode request = json.parseRequest(body);
        AgentAccountProperties.Capacity set = capacityChanges.set(name, new AgentAccountProperties.Capacity(
                limit(request, "total"), limit(request, "chat"), limit(request, "phone"), limit(request, "sms"),
                limit(request, "webform")), lead.getName());
        return CapacityView.of(name, set, true);
    }

    @DeleteMapping("/capacity")
    CapacityView resetCapacity(@PathVariable String name, Authentication lead) {
        known(name);
        capacityChanges.reset(name, lead.getName());
        return CapacityView.of(name, capacity.capacityOf(name), false);
    }

    private TeamsView teamsView(String name) {
        return new TeamsView(name, access.teamsOf(name).stream().sorted().toList(), teamChanges.of(name).isPresent());
    }

    private void known(String name) {
        if (!rules.knows(name)) {
            throw new AgentNotFoundException();
        }
    }

    private static Integer limit(JsonNode request, String field) {
        JsonNode node = request.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidRequestException(field, "'" + field + "' must be a whole number from 1 to "
                    + CapacityChanges.MAX_LIMIT + ", or left out.");
        }
        return node.asInt(); // the range: CapacityChanges.set
    }

    private static List<String> texts(JsonNode request, String field) {
        JsonNode node = request.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidRequestException(field, "'" + field + "' must be a list.");
        }
        List<String> out = new java.util.ArrayList<>();
        node.forEach(item -> {
            if (!item.isString()) {
                throw new InvalidRequestException(field, "'" + field + "' must be a list of texts.");
            }
            out.add(item.asString());
        });
        return out;
    }
}
