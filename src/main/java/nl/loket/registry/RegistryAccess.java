package nl.loket.registry;

import nl.loket.platform.AccessRule;
import nl.loket.platform.ModuleAccess;
import org.springframework.stereotype.Component;

import java.util.List;

/** Failed registrations in the Klantinteracties API: operators (supervisors) see and replay them. */
@Component
class RegistryAccess implements ModuleAccess {

    @Override
    public List<String> apiPaths() {
        return List.of("/api/registry/**");
    }

    @Override
    public List<AccessRule> apiRules() {
        return List.of(AccessRule.supervisors("/api/registry/**"));
    }
}
