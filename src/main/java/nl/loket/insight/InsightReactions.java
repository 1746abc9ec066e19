package nl.loket.insight;

import nl.loket.contact.ConversationClosed;
import nl.loket.contact.ConversationEscalated;
import nl.loket.contact.MessageHandled;
import nl.loket.contact.SatisfactionGiven;
import nl.loket.handoff.AgentReplied;
import nl.loket.handoff.TaskClaimed;
import nl.loket.platform.reactions.Reaction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The events insight counts, all later and in the background: counting never holds up a resident or an agent. */
@Configuration(proxyBeanMethods = false)
class InsightReactions {

    private static final String GROUP = "insight";

    @Bean
    Reaction<MessageHandled> countMessage(InsightRecorder recorder) {
        return Reaction.later(GROUP, MessageHandled.class, recorder::on);
    }

    @Bean
    Reaction<ConversationEscalated> countEscalation(InsightRecorder recorder) {
        return Reaction.later(GROUP, ConversationEscalated.class, recorder::on);
    }

    @Bean
    Reaction<TaskClaimed> countClaim(InsightRecorder recorder) {
        return Reaction.later(GROUP, TaskClaimed.class, recorder::on);
    }

    @Bean
    Reaction<AgentReplied> countAgentReply(InsightRecorder recorder) {
        return Reaction.later(GROUP, AgentReplied.class, recorder::on);
    }

    @Bean
    Reaction<ConversationClosed> countClose(InsightRecorder recorder) {
        return Reaction.later(GROUP, ConversationClosed.class, recorder::on);
    }

    @Bean
    Reaction<SatisfactionGiven> countSatisfaction(InsightRecorder recorder) {
        return Reaction.later(GROUP, SatisfactionGiven.class, recorder::on);
    }
}
