package nl.loket.security;

import nl.loket.support.HandoffIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing an agent's password: after {@code loket.login.max-failures} (5) wrong attempts the account is locked for
 * a while, the right password included, with a clear answer and an audit entry; other accounts are not affected.
 */
class LoginThrottleIT extends HandoffIntegrationTest {

    @Test
    void fiveWrongPasswordsOverHttpBasicLockTheAccountAndTheRightOneWaits() {
        for (int i = 0; i < 5; i++) {
            assertThat(agentGet("lockout-agent", "wrong-" + i, "/api/agent/handoffs").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = agentGet("lockout-agent", PASSWORD, "/api/agent/handoffs");
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Too many failed logins");

        assertThat(agentGet("agent0", PASSWORD, "/api/agent/handoffs").statusCode()).as("another account").isEqualTo(200);
        assertThat(body(agentGet("supervisor", "/api/agent/audit?limit=100")).toString())
                .contains("LOGIN_LOCKED").contains("lockout-agent");
    }

    @Test
    void theLoginFormSaysTheAccountIsLockedForAWhile() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        for (int i = 0; i < 6; i++) {
            String page = client.send(HttpRequest.newBuilder(URI.create(url("/agent/login"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            String form = "username=lockout-form-agent&password=" + (i < 5 ? "wrong" + i : PASSWORD) + "&_csrf=" + csrf.group(1);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url("/agent/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = r.headers().firstValue("Location").orElse("");
            if (i < 5) {
                assertThat(location).endsWith("/agent/login?error");
            } else {
                assertThat(location).as("the right password after five wrong ones").endsWith("/agent/login?locked");
            }
        }
        HttpResponse<String> lockedPage = client.send(HttpRequest.newBuilder(URI.create(url("/agent/login?locked"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lockedPage.statusCode()).as(lockedPage.headers().toString()).isEqualTo(200);
        assertThat(lockedPage.body()).contains("Te veel mislukte pogingen");
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/agent/login")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    private HttpResponse<String> agentGet(String user, String password, String path) {
        return get(path, basic(user, password));
    }
}
