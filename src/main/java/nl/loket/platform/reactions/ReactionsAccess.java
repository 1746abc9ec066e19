package nl.loket.platform.reactions;

import nl.loket.platform.AccessRule;
import nl.loket.platform.ModuleAccess;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reactions between modules that failed every try: supervisors see and retry them. */
@Component
class ReactionsAccess implements ModuleAccess {

    @Override
    public List<String> apiPaths() {
        return List.of("/api/reactions", "/api/reactions/**");
    }

    @Override
    public List<AccessRule> apiRules() {
        return List.of(AccessRule.supervisors("/api/reactions", "/api/reactions/**"));
    }
}
