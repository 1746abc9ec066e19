package nl.loket.agent;

import nl.loket.platform.InvalidRequestException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Where a transfer or a consult goes: a team, or a named colleague who is an agent or supervisor here. */
@Component
class Colleagues {

    /** A team or a colleague; the hand-off module checks that exactly one is given and that the team exists. */
    record Target(String team, String agent) { }

    private final UserDetailsService users;

    Colleagues(UserDetailsService users) {
        this.users = users;
    }

    /** Blank fields count as not given; a colleague who has no agent account is a 400, never a task held by nobody. */
    Target target(String team, String colleague) {
        String toTeam = team == null || team.isBlank() ? null : team.strip();
        String toAgent = colleague == null || colleague.isBlank() ? null : colleague.strip();
        if (toAgent != null && !isAgent(toAgent)) {
            throw new InvalidRequestException("agent", "'agent' must be the user name of a colleague.");
        }
        return new Target(toTeam, toAgent);
    }

    private boolean isAgent(String username) {
        if (username.length() > 64) {
            return false;
        }
        try {
            return users.loadUserByUsername(username).getAuthorities().stream()
                    .anyMatch(a -> "ROLE_AGENT".equals(a.getAuthority()) || "ROLE_SUPERVISOR".equals(a.getAuthority()));
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }
}
