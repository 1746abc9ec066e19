package nl.loket.agent;

import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TeamProperties;
import nl.loket.platform.Ids;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Json;
import nl.loket.platform.RedisKeys;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Standard replies an agent inserts and edits before sending: the team's (configured, {@code loket.teams[n].snippets})
 * and the agent's own (kept in Redis). Placeholders {kenmerk}, {medewerker} and {team} are filled in for the task at
 * hand; anything else in braces stays as written, so nothing of another resident can ever be filled in.
 */
@Component
class Snippets {

    static final int MAX_OWN = 50;
    static final int MAX_TITLE = 80;
    static final int MAX_TEXT = 2_000;

    /** One snippet; {@code team} is null for an agent's own. */
    record Snippet(String id, String title, String text, String team) { }

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final Json json;
    private final List<TeamProperties.Team> teams;
    private final TeamProperties teamProperties;

    Snippets(Pool<Jedis> pool, RedisKeys keys, Json json, TeamProperties teams) {
        this.teamProperties = teams;
        this.pool = pool;
        this.keys = keys;
        this.json = json;
        this.teams = teams.teams();
    }

    /** The agent's own snippets, then those of the given teams (all teams when the set is empty). */
    List<Snippet> of(String agent, Set<String> agentTeams) {
        List<Snippet> out = new ArrayList<>(own(agent));
        for (TeamProperties.Team team : teams) {
            if (agentTeams.isEmpty() || agentTeams.contains(team.name())) {
                for (int i = 0; i < team.snippets().size(); i++) {
                    TeamProperties.Snippet s = team.snippets().get(i);
                    out.add(new Snippet(team.name() + "-" + (i + 1), s.title(), s.text(), team.name()));
                }
            }
        }
        return out;
    }

    /** The same, with the placeholders filled in for this task. */
    List<Snippet> forTask(String agent, Set<String> agentTeams, HandoffTask task) {
        String teamTitle = teamProperties.title(task.team());
        return of(agent, agentTeams).stream().map(s -> new Snippet(s.id(), s.title(), s.text()
                .replace("{kenmerk}", task.reference() == null ? "" : task.reference())
                .replace("{medewerker}", agent)
                .replace("{team}", teamTitle), s.team())).toList();
    }

    Snippet add(String agent, String title, String text) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new InvalidRequestException("title", "'title' is required, at most " + MAX_TITLE + " characters.");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new InvalidRequestException("text", "'text' is required, at most " + MAX_TEXT + " characters.");
        }
        Snippet snippet = new Snippet(Ids.newId(), title.strip(), text.strip(), null);
        try (Jedis jedis = pool.getResource()) {
            if (jedis.hlen(key(agent)) >= MAX_OWN) {
                throw new InvalidRequestException("text", "At most " + MAX_OWN + " own snippets; delete one first.");
            }
            jedis.hset(key(agent), snippet.id(), json.write(Map.of("title", snippet.title(), "text", snippet.text())));
        }
        return snippet;
    }

    /** True when the agent had a snippet with this id. */
    boolean delete(String agent, String id) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.hdel(key(agent), id) > 0;
        }
    }

    private List<Snippet> own(String agent) {
        List<Snippet> out = new ArrayList<>();
        try (Jedis jedis = pool.getResource()) {
            jedis.hgetAll(key(agent)).forEach((id, stored) -> {
                Map<?, ?> fields = json.read(stored, Map.class);
                out.add(new Snippet(id, String.valueOf(fields.get("title")), String.valueOf(fields.get("text")), null));
            });
        }
        out.sort(java.util.Comparator.comparing(Snippet::title));
        return out;
    }

    private String key(String agent) {
        return keys.key("agent", "snippets", agent);
    }
}
