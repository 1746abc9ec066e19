package nl.loket.agent;

import nl.loket.contact.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Capacity per channel (3 chats but 1 call), beside the single number of old, which keeps its meaning. */
class AgentCapacityTest {

    @Test
    void theSingleNumberOfOldIsTheMostTasksAtOnceWhateverTheirChannels() {
        AgentAccountProperties.Capacity three = AgentAccountProperties.Capacity.total(3);

        assertThat(three.hasRoomFor(Channel.SMS, Map.of(Channel.CHAT, 2))).isTrue();
        assertThat(three.hasRoomFor(Channel.SMS, Map.of(Channel.CHAT, 2, Channel.PHONE, 1))).isFalse();
        assertThat(three.hasRoomForAny(Map.of(Channel.CHAT, 3))).isFalse();
    }

    @Test
    void chatFullLeavesRoomForTextMessagesAndFormsButNotForACall() {
        AgentAccountProperties.Capacity capacity = AgentAccountProperties.Capacity.perChannel(
                Map.of(Channel.CHAT, 3, Channel.PHONE, 1, Channel.SMS, 5, Channel.WEBFORM, 5));
        Map<Channel, Integer> held = Map.of(Channel.CHAT, 3, Channel.PHONE, 1);

        assertThat(capacity.hasRoomFor(Channel.CHAT, held)).isFalse();
        assertThat(capacity.hasRoomFor(Channel.PHONE, held)).isFalse();
        assertThat(capacity.hasRoomFor(Channel.SMS, held)).isTrue();
        assertThat(capacity.hasRoomFor(Channel.WEBFORM, held)).isTrue();
        assertThat(capacity.hasRoomForAny(held)).isTrue();
    }

    @Test
    void aTotalBesideChannelsCapsThemAll() {
        AgentAccountProperties.Capacity capacity = new AgentAccountProperties.Capacity(4, 3, 1, null, null);

        assertThat(capacity.hasRoomFor(Channel.SMS, Map.of(Channel.CHAT, 2))).as("SMS has no own limit").isTrue();
        assertThat(capacity.hasRoomFor(Channel.SMS, Map.of(Channel.CHAT, 3, Channel.PHONE, 1))).isFalse();
    }

    @Test
    void withoutCapacityThereIsNoLimit() {
        assertThat(AgentAccountProperties.Capacity.UNLIMITED.hasRoomFor(Channel.CHAT, Map.of(Channel.CHAT, 100))).isTrue();
        assertThat(account(Map.of()).capacity().unlimited()).isTrue();
    }

    @Test
    void theSingleNumberStillBindsAsBeforeFromYamlAndFromTheCommandLine() {
        assertThat(account(Map.of("capacity", 3)).capacity()).isEqualTo(AgentAccountProperties.Capacity.total(3));
        assertThat(account(Map.of("capacity", "2")).capacity()).isEqualTo(AgentAccountProperties.Capacity.total(2));
    }

    @Test
    void capacityPerChannelBindsByChannelName() {
        AgentAccountProperties.Account account = account(Map.of("capacity.CHAT", 3, "capacity.PHONE", "1", "capacity.sms", 5,
                "capacity.total", 6));

        assertThat(account.capacity()).isEqualTo(new AgentAccountProperties.Capacity(6, 3, 1, 5, null));
    }

    @Test
    void skillsBindFromTheirLists() {
        AgentAccountProperties.Account account = account(Map.of("languages[0]", "NL", "languages[1]", "tr", "relay", "true",
                "channels[0]", "CHAT", "channels[1]", "sms"));

        assertThat(account.skills()).isEqualTo(new AgentSkills(List.of("nl", "tr"), true, List.of(Channel.CHAT, Channel.SMS)));
        assertThat(account(Map.of()).skills()).isEqualTo(AgentSkills.ANY);
    }

    @Test
    void aCapacityThatIsNoNumberStopsTheStart() {
        assertThatThrownBy(() -> account(Map.of("capacity", "veel"))).hasStackTraceContaining("number per channel");
    }

    @Test
    void aCapacityBelowOneOrALanguageThatIsNoCodeIsRefused() {
        try (jakarta.validation.ValidatorFactory factory = jakarta.validation.Validation.buildDefaultValidatorFactory()) {
            jakarta.validation.Validator validator = factory.getValidator();
            assertThat(validator.validate(new AgentAccountProperties(List.of(account(Map.of("capacity.CHAT", 0))))))
                    .extracting(v -> v.getPropertyPath().toString()).containsExactly("agents[0].capacity.chat");
            assertThat(validator.validate(new AgentAccountProperties(List.of(account(Map.of("languages[0]", "Turks"))))))
                    .hasSize(1);
            assertThat(validator.validate(new AgentAccountProperties(List.of(account(Map.of("capacity", 3, "languages[0]", "tr"))))))
                    .isEmpty();
        }
    }

    static AgentAccountProperties.Account account(Map<String, Object> settings) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("loket.agents[0].username", "ada");
        all.put("loket.agents[0].password", "{noop}x");
        settings.forEach((k, v) -> all.put("loket.agents[0]." + k, v));
        ApplicationConversionService conversion = new ApplicationConversionService();
        conversion.addConverter(new CapacityFromNumber());
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(all)), null, conversion);
        return binder.bind("loket", AgentAccountProperties.class).get().agents().get(0);
    }
}
