package nl.loket.insight;

import nl.loket.platform.AccessRule;
import nl.loket.platform.ModuleAccess;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The dashboard page is for supervisors only. The indicator API and the Prometheus endpoint have their own chain
 * ({@link InsightSecurity}), because a monitoring account may read them without being an agent.
 */
@Component
class InsightAccess implements ModuleAccess {

    @Override
    public List<AccessRule> pageRules() {
        return List.of(AccessRule.supervisors("/agent/dashboard", "/agent/dashboard.csv"));
    }
}
