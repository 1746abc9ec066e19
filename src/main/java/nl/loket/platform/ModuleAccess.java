package nl.loket.platform;

import java.util.List;

/**
 * The access rules a module declares for its own addresses, as a bean in that module, so the rules sit beside the
 * controllers they guard. The platform's security chains apply every module's rules: an API path declared here is
 * served with HTTP Basic and no session (no cookie, so no CSRF); a page under {@code /agent} with the workbench's
 * form login, session and CSRF. What a module does not restrict needs the role AGENT or SUPERVISOR.
 */
public interface ModuleAccess {

    /** The module's API paths, served stateless with HTTP Basic ("/api/registry/**"). */
    default List<String> apiPaths() {
        return List.of();
    }

    /** Stricter rules within those API paths. */
    default List<AccessRule> apiRules() {
        return List.of();
    }

    /**
     * Stricter rules for the module's workbench pages, under {@code /agent} or under a path of its own (such as
     * {@code /redactie}); every path named here also gets the workbench's strict Content-Security-Policy.
     */
    default List<AccessRule> pageRules() {
        return List.of();
    }
}
