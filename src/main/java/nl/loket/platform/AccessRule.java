package nl.loket.platform;

import java.util.List;

/**
 * One access rule a module declares for its own addresses ({@link ModuleAccess}): these paths need one of these roles.
 *
 * @param paths path patterns ("/api/registry/**")
 * @param roles the roles of which the caller needs one (without the "ROLE_" prefix)
 */
public record AccessRule(List<String> paths, List<String> roles) {

    public static final String SUPERVISOR = "SUPERVISOR";

    public AccessRule {
        if (paths.isEmpty() || roles.isEmpty()) {
            throw new IllegalArgumentException("an access rule needs at least one path and one role");
        }
        paths = List.copyOf(paths);
        roles = List.copyOf(roles);
    }

    /** These paths are for supervisors only. */
    public static AccessRule supervisors(String... paths) {
        return new AccessRule(List.of(paths), List.of(SUPERVISOR));
    }
}
