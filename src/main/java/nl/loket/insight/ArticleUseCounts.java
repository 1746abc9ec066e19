package nl.loket.insight;

import nl.loket.knowledge.ArticleUse;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The editors' figures per article, from the counters {@link InsightRecorder} keeps for every answer and hand-off. */
@Component
class ArticleUseCounts implements ArticleUse {

    private final InsightStore store;
    private final Clock clock;

    ArticleUseCounts(InsightStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<String, Use> lastDays(int days) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> total = new HashMap<>();
        for (InsightStore.Day day : store.read(today.minusDays(Math.max(1, days) - 1L), today, List.of())) {
            day.counters().forEach((k, v) -> total.merge(k, v, Long::sum));
        }
        // The same counters and the same reading as the supervisors' notHelpedArticles (ServiceIndicators).
        Map<String, Long> answers = ServiceIndicators.byDetail(total, "articleAnswers");
        Map<String, Long> notHelped = ServiceIndicators.byDetail(total, "articleNotHelped");
        Map<String, Use> out = new HashMap<>();
        answers.forEach((article, n) -> out.put(article, new Use(n, notHelped.getOrDefault(article, 0L))));
        notHelped.forEach((article, n) -> out.putIfAbsent(article, new Use(0, n)));
        return out;
    }
}
