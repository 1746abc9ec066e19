package nl.loket.insight;

import nl.loket.knowledge.UnansweredQuestions;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The editors' unanswered questions: the supervisors' knowledge gaps of the last days, grouped the same way. */
@Component
class UnansweredQuestionGroups implements UnansweredQuestions {

    private final ServiceIndicators indicators;
    private final Clock clock;

    UnansweredQuestionGroups(ServiceIndicators indicators, Clock clock) {
        this.indicators = indicators;
        this.clock = clock;
    }

    @Override
    public List<Group> lastDays(int days) {
        LocalDate today = LocalDate.now(clock);
        return indicators.knowledgeGaps(today.minusDays(Math.max(1, days) - 1L), today).stream()
                .map(gap -> new Group(gap.term(), gap.count(), gap.examples())).toList();
    }

    @Override
    public List<String> questions(int days, int limit) {
        LocalDate today = LocalDate.now(clock);
        return indicators.unansweredQuestions(today.minusDays(Math.max(1, days) - 1L), today, limit);
    }
}
