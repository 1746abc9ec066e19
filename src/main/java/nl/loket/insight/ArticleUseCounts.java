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

    private static final String ANSWERS = "articleAnswers|-|";
    private static final String NOT_HELPED = "articleNotHelped|-|";

    private final InsightStore store;
    private final Clock clock;

    ArticleUseCounts(InsightStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<String, Use> lastDays(int days) {
        LocalDate today = LocalDate.now(clock);
        Map<String, long[]> counts = new HashMap<>();
        for (InsightStore.Day day : store.read(today.minusDays(Math.max(1, days) - 1L), today, List.of())) {
            day.counters().forEach((key, value) -> {
                if (key.startsWith(ANSWERS)) {
                    counts.computeIfAbsent(key.substring(ANSWERS.length()), k -> new long[2])[0] += value;
                } else if (key.startsWith(NOT_HELPED)) {
                    counts.computeIfAbsent(key.substring(NOT_HELPED.length()), k -> new long[2])[1] += value;
                }
            });
        }
        Map<String, Use> out = new HashMap<>();
        counts.forEach((article, c) -> out.put(article, new Use(c[0], c[1])));
        return out;
    }
}
