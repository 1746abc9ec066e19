package nl.loket.outreach;

import nl.loket.platform.AccessRule;
import nl.loket.platform.ModuleAccess;
import org.springframework.stereotype.Component;

import java.util.List;

/** Proactive campaigns are started by supervisors only, through the API and the page alike. */
@Component
class OutreachAccess implements ModuleAccess {

    @Override
    public List<String> apiPaths() {
        return List.of("/api/outreach/**");
    }

    @Override
    public List<AccessRule> apiRules() {
        return List.of(AccessRule.supervisors("/api/outreach/**"));
    }

    @Override
    public List<AccessRule> pageRules() {
        return List.of(AccessRule.supervisors("/agent/outreach", "/agent/outreach/**"));
    }
}
