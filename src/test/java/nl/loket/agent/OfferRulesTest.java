package nl.loket.agent;

import nl.loket.contact.Channel;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Priority;
import nl.loket.handoff.HandoffNote;
import nl.loket.handoff.HandoffTask;
import nl.loket.handoff.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is offered a waiting task: the queue, room on its channel, its skills, and the fallback after the wait. */
class OfferRulesTest {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC);
    static final Duration FALLBACK = Duration.ofSeconds(60);
    static final Instant AT_ONCE = T0.plusSeconds(1).toInstant();
    static final Instant AFTER_THE_WAIT = T0.plusSeconds(61).toInstant();

    // Queues per agent: everyone works algemeen, except dirk (belastingen).
    static final Map<String, Set<String>> QUEUES = Map.of("ada", Set.of("algemeen", "urgent"), "ben", Set.of("algemeen", "urgent"),
            "cor", Set.of("algemeen", "urgent"), "dirk", Set.of("belastingen", "urgent"));

    static AgentAccountProperties.Account agent(String name, List<String> languages, boolean relay, List<Channel> channels,
                                                AgentAccountProperties.Capacity capacity) {
        return new AgentAccountProperties.Account(name, "{noop}x", List.of("AGENT"), null, null, capacity, languages, relay,
                channels);
    }

    static AgentAccountProperties.Account plain(String name) {
        return agent(name, null, false, null, null);
    }

    /** The agents of the last {@link #rules} call, longest idle first in the order given. */
    private List<String> idleOrder = List.of();

    OfferRules rules(AgentAccountProperties.Account... accounts) {
        idleOrder = java.util.Arrays.stream(accounts).map(AgentAccountProperties.Account::username).toList();
        return new OfferRules(List.of(accounts), (agent, task) -> QUEUES.getOrDefault(agent, Set.of()).contains(task.queue()),
                FALLBACK);
    }

    static HandoffTask task(Channel channel, String language, String relay, Priority priority, String queue) {
        return new HandoffTask("t1", "c1", "LK-AAA-BBB", "r1", channel, relay, language, EscalationReason.HUMAN_REQUESTED,
                priority, queue, queue, TaskStatus.WAITING, null, null, T0, null, null, null, null, null, false, null,
                null, 0);
    }

    static HandoffTask chat(String language) {
        return task(Channel.CHAT, language, null, Priority.NORMAL, "algemeen");
    }

    @Test
    void aTaskInALanguageTheAgentDoesNotSpeakIsNotOfferedToThemAtFirst() {
        OfferRules rules = rules(agent("ada", List.of("nl"), false, null, null), agent("ben", List.of("nl", "tr"), false, null, null));

        assertThat(rules.whoToOffer(chat("tr"), idleOrder, Map.of(), AT_ONCE)).containsExactly("ben");
        assertThat(rules.whoToOffer(chat("nl"), idleOrder, Map.of(), AT_ONCE)).as("both speak Dutch: longest idle first")
                .containsExactly("ada", "ben");
    }

    @Test
    void skillsATeamLeadChangedWinOverTheConfiguredOnesAndCanAskForTheRelay() {
        Map<String, AgentSkills> changed = new java.util.HashMap<>();
        List<AgentAccountProperties.Account> accounts = List.of(agent("ada", List.of("nl"), false, null, null), plain("ben"));
        idleOrder = List.of("ada", "ben");
        OfferRules rules = new OfferRules(accounts, (agent, task) -> QUEUES.getOrDefault(agent, Set.of()).contains(task.queue()),
                FALLBACK, agent -> java.util.Optional.ofNullable(changed.get(agent)), () -> !changed.isEmpty());
        HandoffTask relayCall = task(Channel.PHONE, "nl", "TOLKCONTACT", Priority.NORMAL, "algemeen");
        assertThat(rules.whoToOffer(chat("tr"), idleOrder, Map.of(), AT_ONCE)).containsExactly("ben");
        assertThat(rules.whoToOffer(relayCall, idleOrder, Map.of(), AT_ONCE)).as("nobody marked for the relay")
                .containsExactly("ada", "ben");

        changed.put("ada", new AgentSkills(List.of("nl", "tr"), true, List.of()));

        assertThat(rules.skillsOf("ada").languages()).containsExactly("nl", "tr");
        assertThat(rules.whoToOffer(chat("tr"), idleOrder, Map.of(), AT_ONCE)).containsExactly("ada", "ben");
        assertThat(rules.whoToOffer(relayCall, idleOrder, Map.of(), AT_ONCE)).as("now the relay is asked, and ada has it")
                .containsExactly("ada");
        assertThat(rules.skillsConfigured()).isTrue();
    }

    @Test
    void anAgentWithoutSkillsTakesEveryLanguageChannelAndRelayAsBefore() {
        OfferRules rules = rules(plain("ada"), plain("ben"));

        assertThat(rules.whoToOffer(task(Channel.PHONE, "ar", "TOLKCONTACT", Priority.NORMAL, "algemeen"), idleOrder, Map.of(),
                AT_ONCE)).containsExactly("ada", "ben");
        assertThat(rules.skillsConfigured()).isFalse();
    }

    @Test
    void aLanguageIsMatchedWithoutItsRegion() {
        OfferRules rules = rules(agent("ada", List.of("nl"), false, null, null));

        assertThat(rules.hasSkillsFor("ada", chat("nl-NL"))).isTrue();
        assertThat(rules.hasSkillsFor("ada", chat(null))).as("no language known: anyone").isTrue();
    }

    @Test
    void whenNoAvailableAgentHasTheSkillTheTaskWaitsThenGoesToAnyoneOfItsQueue() {
        OfferRules rules = rules(agent("ada", List.of("nl"), false, null, null), agent("ben", List.of("nl", "en"), false, null, null),
                plain("dirk"));

        assertThat(rules.whoToOffer(chat("tr"), idleOrder, Map.of(), AT_ONCE)).isEmpty();
        assertThat(rules.whoToOffer(chat("tr"), idleOrder, Map.of(), AFTER_THE_WAIT))
                .as("anyone of its queue, never another team's agent").containsExactly("ada", "ben");
    }

    @Test
    void afterTheWaitAgentsWithTheSkillStillComeFirst() {
        OfferRules rules = rules(agent("ada", List.of("nl"), false, null, null), agent("ben", List.of("tr"), false, null, null));

        assertThat(rules.whoToOffer(chat("tr"), idleOrder, Map.of(), AFTER_THE_WAIT)).containsExactly("ben", "ada");
    }

    @Test
    void anUrgentTaskDoesNotWaitForASkill() {
        OfferRules rules = rules(agent("ada", List.of("nl"), false, null, null), agent("dirk", List.of("nl"), false, null, null));

        assertThat(rules.whoToOffer(task(Channel.CHAT, "tr", null, Priority.URGENT, "urgent"), idleOrder, Map.of(), AT_ONCE))
                .as("every team works the urgent queue").containsExactly("ada", "dirk");
    }

    @Test
    void aTaskOnAChannelTheAgentDoesNotWorkIsNotOfferedToThemAtFirst() {
        OfferRules rules = rules(agent("ada", null, false, List.of(Channel.CHAT, Channel.WEBFORM), null),
                agent("ben", null, false, List.of(Channel.PHONE), null));

        assertThat(rules.whoToOffer(task(Channel.PHONE, "nl", null, Priority.NORMAL, "algemeen"), idleOrder, Map.of(), AT_ONCE))
                .containsExactly("ben");
        assertThat(rules.whoToOffer(chat("nl"), idleOrder, Map.of(), AT_ONCE)).containsExactly("ada");
    }

    @Test
    void aTolkcontactConversationGoesToTheRelayAgentsOfItsQueue() {
        OfferRules rules = rules(plain("ada"), agent("ben", null, true, null, null));
        HandoffTask relay = task(Channel.PHONE, "nl", "TOLKCONTACT", Priority.NORMAL, "algemeen");

        assertThat(rules.whoToOffer(relay, idleOrder, Map.of(), AT_ONCE)).containsExactly("ben");
        assertThat(rules.whoToOffer(task(Channel.PHONE, "nl", null, Priority.NORMAL, "algemeen"), idleOrder, Map.of(), AT_ONCE))
                .as("an ordinary call: anyone").containsExactly("ada", "ben");
    }

    @Test
    void aQueueWithoutRelayAgentsKeepsTakingTolkcontactConversationsAsBefore() {
        OfferRules rules = rules(plain("ada"), plain("ben"), agent("dirk", null, true, null, null));

        assertThat(rules.whoToOffer(task(Channel.PHONE, "nl", "TOLKCONTACT", Priority.NORMAL, "algemeen"), idleOrder, Map.of(),
                AT_ONCE)).as("dirk is marked, but works belastingen").containsExactly("ada", "ben");
    }

    @Test
    void capacityFullOnChatButFreeOnSmsGetsTheTextMessageNotTheChat() {
        AgentAccountProperties.Capacity capacity = AgentAccountProperties.Capacity.perChannel(
                Map.of(Channel.CHAT, 3, Channel.PHONE, 1, Channel.SMS, 5, Channel.WEBFORM, 5));
        OfferRules rules = rules(agent("ada", null, false, null, capacity), plain("ben"));
        Map<String, Map<Channel, Integer>> held = Map.of("ada", Map.of(Channel.CHAT, 3));

        assertThat(rules.whoToOffer(chat("nl"), idleOrder, held, AT_ONCE)).containsExactly("ben");
        assertThat(rules.whoToOffer(task(Channel.SMS, "nl", null, Priority.NORMAL, "algemeen"), idleOrder, held, AT_ONCE))
                .containsExactly("ada", "ben");
        assertThat(rules.whoToOffer(chat("nl"), idleOrder, held, AFTER_THE_WAIT)).as("no wait makes room")
                .containsExactly("ben");
    }

    @Test
    void aTaskTransferredToAnotherTeamWaitsForThatTeamsSkillsAfresh() {
        OffsetDateTime transferred = T0.plusMinutes(30);
        HandoffTask task = chat("tr");
        task = new HandoffTask(task.id(), task.conversationId(), task.reference(), task.residentId(), task.channel(), task.relay(),
                task.language(), task.reason(), task.priority(), task.queue(), task.team(), task.status(), null, null, T0,
                null, null, null, null, null, false,
                List.of(new HandoffNote("ada", transferred, HandoffNote.Kind.TRANSFER, "algemeen", "Turks")), null, 0);
        OfferRules rules = rules(agent("ada", List.of("nl"), false, null, null));

        assertThat(OfferRules.waitingSince(task)).isEqualTo(transferred.toInstant());
        assertThat(rules.whoToOffer(task, idleOrder, Map.of(), transferred.plusSeconds(10).toInstant())).isEmpty();
        assertThat(rules.whoToOffer(task, idleOrder, Map.of(), transferred.plusSeconds(60).toInstant())).containsExactly("ada");
    }

    @Test
    void aPlannedCallBackWaitsForTheSkillFromItsTimeOn() {
        HandoffTask task = chat("tr");
        OffsetDateTime callbackAt = T0.plusHours(2);
        task = new HandoffTask(task.id(), task.conversationId(), task.reference(), task.residentId(), Channel.PHONE, null,
                "tr", task.reason(), task.priority(), task.queue(), task.team(), task.status(), null, null, T0, null, null,
                null, null, null, true, null, callbackAt, 0);

        assertThat(OfferRules.waitingSince(task)).isEqualTo(callbackAt.toInstant());
    }
}
