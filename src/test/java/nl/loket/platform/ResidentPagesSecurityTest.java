package nl.loket.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentPagesSecurityTest {

    @Test
    void onlyLoketItselfMayFrameTheChatUnlessSitesAreConfigured() {
        assertThat(ResidentPagesSecurity.frameAncestors(List.of())).isEqualTo("'self'");
        assertThat(ResidentPagesSecurity.frameAncestors(List.of(""))).isEqualTo("'self'");
        assertThat(ResidentPagesSecurity.frameAncestors(List.of(" https://www.nijmegen.nl", "http://localhost:8081")))
                .isEqualTo("'self' https://www.nijmegen.nl http://localhost:8081");
    }

    @Test
    void aValueThatIsNotAnOriginIsRefusedAtStartUp() {
        for (String bad : List.of("*", "https://www.nijmegen.nl/pad", "https://a.nl; script-src *", "'unsafe-inline'",
                "javascript:alert(1)", "https://a.nl\r\nX-Evil: 1")) {
            assertThatThrownBy(() -> ResidentPagesSecurity.frameAncestors(List.of(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
