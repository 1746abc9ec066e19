package nl.loket.handoff;

import nl.loket.contact.EscalationReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The routing rules as a table: relay first, then another language, a reason a team takes, a topic, else Algemeen. */
class TeamRoutingTest {

    static final TeamProperties TEAMS = new TeamProperties(List.of(
            new TeamProperties.Team("burgerzaken", "Burgerzaken", List.of("paspoort", "verhuizing"), List.of(), false, List.of(), null, null, null),
            new TeamProperties.Team("belastingen", null, List.of("woz-waarde", "kwijtschelding-belastingen"), List.of(), false, List.of(), null, null, null),
            new TeamProperties.Team("zorg", null, List.of("bijstandsuitkering"), List.of("tr", "ar"), false, List.of(), null, null, null),
            new TeamProperties.Team("klachten", null, List.of(), List.of(), false, List.of(EscalationReason.COMPLAINT), null, null, null),
            new TeamProperties.Team("gebarentaal", null, List.of(), List.of(), true, List.of(), null, null, null)));

    static final TeamRouting ROUTING = new TeamRouting(TEAMS, new HandoffProperties(Duration.ofMinutes(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), 3, Duration.ofSeconds(5), "algemeen", "urgent"));

    @ParameterizedTest(name = "{0}, topics [{1}], {2}, relay {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            HUMAN_REQUESTED | paspoort                    | nl | -           | burgerzaken
            CASE_SPECIFIC   | nl-woz-waarde woz-waarde    | nl | -           | belastingen
            NO_ANSWER       | onbekend verhuizing         | en | -           | burgerzaken
            HUMAN_REQUESTED | -                           | nl | -           | algemeen
            NO_ANSWER       | grofvuil                    | nl | -           | algemeen
            COMPLAINT       | paspoort                    | nl | -           | klachten
            LANGUAGE        | -                           | tr | -           | zorg
            LANGUAGE        | -                           | pl | -           | algemeen
            LANGUAGE        | woz-waarde                  | pl | -           | belastingen
            HUMAN_REQUESTED | paspoort                    | nl | tolkcontact | gebarentaal
            CRISIS          | bijstandsuitkering          | nl | -           | zorg
            COMPLAINT       | -                           | ar | -           | zorg
            """)
    void theTeamFollowsRelayLanguageReasonAndTopic(EscalationReason reason, String topics, String language, String relay,
                                                   String team) {
        List<String> found = topics == null ? List.of() : Arrays.asList(topics.split(" "));
        assertThat(ROUTING.teamFor(reason, found, language, relay)).isEqualTo(team);
    }

    @org.junit.jupiter.api.Test
    void aTransferGoesToAConfiguredTeamOrAlgemeenOnly() {
        assertThat(ROUTING.exists("belastingen")).isTrue();
        assertThat(ROUTING.exists("algemeen")).isTrue();
        assertThat(ROUTING.exists("urgent")).isFalse();
        assertThat(ROUTING.exists("bestaat-niet")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aTeamNameIsUsedOnce() {
        TeamProperties.Team one = new TeamProperties.Team("burgerzaken", null, null, null, false, null, null, null, null);
        assertThatThrownBy(() -> new TeamProperties(List.of(one, one))).hasMessageContaining("burgerzaken");
    }
}
