package nl.loket.agent;

import nl.loket.platform.AccessRule;
import nl.loket.platform.ModuleAccess;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The agent API is for agents and supervisors; who looked at which resident, the team overview and everyone's status
 * (as JSON and as the team lead's page) are for supervisors only.
 */
@Component
class AgentAccess implements ModuleAccess {

    @Override
    public List<String> apiPaths() {
        return List.of("/api/agent/**");
    }

    @Override
    public List<AccessRule> apiRules() {
        return List.of(AccessRule.supervisors("/api/agent/audit", "/api/agent/audit/**", "/api/agent/teams", "/api/agent/agents", "/api/agent/agents/**"));
    }

    @Override
    public List<AccessRule> pageRules() {
        return List.of(AccessRule.supervisors("/agent/teams", "/agent/teams/**"));
    }
}
