package nl.loket.knowledge;

import nl.loket.platform.AccessRule;
import nl.loket.platform.ModuleAccess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The knowledge API and the editors' pages are for editors only: the content team owns the articles, not agents or
 * supervisors as such.
 */
@Component
class KnowledgeAccess implements ModuleAccess {

    static final String EDITOR = "EDITOR";
    /** An editor who is also a supervisor may publish a draft the evaluation gate refused. */
    static final String SUPERVISOR = "SUPERVISOR";

    static boolean isSupervisor(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> ("ROLE_" + SUPERVISOR).equals(a.getAuthority()));
    }

    @Override
    public List<String> apiPaths() {
        return List.of("/api/knowledge/**");
    }

    @Override
    public List<AccessRule> apiRules() {
        return List.of(new AccessRule(List.of("/api/knowledge/**"), List.of(EDITOR)));
    }

    @Override
    public List<AccessRule> pageRules() {
        return List.of(new AccessRule(List.of("/redactie", "/redactie/**"), List.of(EDITOR)));
    }
}
