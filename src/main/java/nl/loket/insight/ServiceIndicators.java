package nl.loket.insight;

import nl.loket.contact.Channel;
import nl.loket.contact.ResponseTimeProperties;
import nl.loket.knowledge.ArticleUpkeep;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The insight module's facade: the service indicators of a period, computed from the per-day aggregates
 * that {@link InsightRecorder} keeps. Definitions: docs/insight.md.
 */
@Service
public class ServiceIndicators {

    private static final List<String> DURATIONS = List.of("assistantReply", "firstReply", "queueWait", "close");

    private final InsightStore store;
    private final InsightProperties properties;
    private final ResponseTimeProperties promised;
    private final Clock clock;
    private final ArticleUpkeep articles;

    ServiceIndicators(InsightStore store, InsightProperties properties, ResponseTimeProperties promised, Clock clock,
                      ArticleUpkeep articles) {
        this.articles = articles;
        this.promised = promised;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Parses a period as the API and the dashboard take it ({@code YYYY-MM-DD}, both optional). */
    public Indicators indicators(String from, String to) {
        DateRange range = DateRange.parse(from, to, LocalDate.now(clock), properties.maxRangeDays());
        return indicators(range.from(), range.to());
    }

    /** The questions the assistant could not answer in the period (redacted), newest first, at most {@code limit}. */
    public List<String> unansweredQuestions(LocalDate from, LocalDate to, int limit) {
        List<String> all = new ArrayList<>(gapTexts(from, to));
        java.util.Collections.reverse(all);
        return all.stream().limit(limit).toList();
    }

    /** The period's knowledge gaps as {@link #indicators} groups them, reading only the questions, no other figure. */
    public List<Indicators.KnowledgeGap> knowledgeGaps(LocalDate from, LocalDate to) {
        return KnowledgeGaps.cluster(gapTexts(from, to), properties.gapClusters(), properties.gapExamples());
    }

    /** The unanswered questions of the period, oldest first, as {@link KnowledgeGaps#cluster} takes them. */
    private List<String> gapTexts(LocalDate from, LocalDate to) {
        List<String> all = new ArrayList<>();
        for (InsightStore.Day day : store.read(from, to, List.of())) {
            day.gaps().forEach(g -> all.add(g.text()));
        }
        return all;
    }

    public Indicators indicators(LocalDate from, LocalDate to) {
        Map<String, Long> total = new HashMap<>();
        Map<String, List<InsightStore.Sample>> samples = new HashMap<>();
        List<String> gaps = new ArrayList<>();
        List<Indicators.Period> byDay = new ArrayList<>();
        Map<String, Map<String, Long>> weeks = new TreeMap<>();
        for (InsightStore.Day day : store.read(from, to, DURATIONS)) {
            Map<String, Long> counters = day.counters();
            counters.forEach((k, v) -> total.merge(k, v, Long::sum));
            byDay.add(period(day.date().toString(), counters));
            LocalDate date = day.date();
            String week = date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            Map<String, Long> weekCounters = weeks.computeIfAbsent(week, w -> new HashMap<>());
            counters.forEach((k, v) -> weekCounters.merge(k, v, Long::sum));
            day.samples().forEach((measure, list) -> samples.computeIfAbsent(measure, m -> new ArrayList<>()).addAll(list));
            day.gaps().forEach(g -> gaps.add(g.text()));
        }
        List<Indicators.Period> byWeek = weeks.entrySet().stream().map(e -> period(e.getKey(), e.getValue())).toList();

        long contacts = sum(total, "contacts", null);
        long messages = sum(total, "messages", null);
        long toAssistant = sum(total, "toAssistant", null);
        long answered = sum(total, "answered", null);
        long handedOff = sum(total, "handoffs", null);
        long relay = sum(total, "relayContacts", null);
        long satisfactionCount = sum(total, "satisfactionCount", null);
        long satisfactionSum = sum(total, "satisfactionSum", null);
        long complaints = sum(total, "complaints", null);
        Map<String, Long> resolutions = byDetail(total, "resolution");

        Map<String, Indicators.ChannelIndicators> byChannel = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            InsightProperties.Target target = properties.target(channel, promised);
            long met = sum(total, "targetMet", channel);
            long missed = sum(total, "targetMissed", channel);
            byChannel.put(channel.name(), new Indicators.ChannelIndicators(
                    sum(total, "contacts", channel), sum(total, "messages", channel), sum(total, "answered", channel),
                    sum(total, "handoffs", channel), sum(total, "relayContacts", channel),
                    durations(samples.get("firstReply"), s -> s.channel() == channel),
                    durations(samples.get("queueWait"), s -> s.channel() == channel),
                    new Indicators.TargetResult(target == null ? null : target.label(), met, missed, share(met, met + missed))));
        }

        Map<String, Long> articleAnswers = byDetail(total, "articleAnswers");
        Map<String, Long> articleNotHelped = byDetail(total, "articleNotHelped");
        List<Indicators.ArticleNotHelped> notHelpedArticles = articleNotHelped.entrySet().stream()
                .map(e -> new Indicators.ArticleNotHelped(e.getKey(), articleAnswers.getOrDefault(e.getKey(), 0L), e.getValue(),
                        share(e.getValue(), articleAnswers.getOrDefault(e.getKey(), 0L))))
                .sorted(java.util.Comparator.comparingLong(Indicators.ArticleNotHelped::notHelped).reversed()
                        .thenComparing(Indicators.ArticleNotHelped::articleId))
                .toList();

        long informally = resolutions.getOrDefault("COMPLAINT_HANDLED_INFORMALLY", 0L);
        return new Indicators(from, to, contacts, messages, answered, share(answered, toAssistant),
                sum(total, "clarified", null), handedOff, share(handedOff, contacts), byDetail(total, "reason"), relay,
                share(relay, contacts), byDetail(total, "language"), byChannel, byDetail(total, "topic"),
                durations(samples.get("assistantReply"), s -> true), durations(samples.get("firstReply"), s -> true),
                durations(samples.get("queueWait"), s -> true), durations(samples.get("close"), s -> true),
                resolutions, sum(total, "notHelped", null),
                new Indicators.Satisfaction(satisfactionCount == 0 ? null : round((double) satisfactionSum / satisfactionCount, 2),
                        satisfactionCount, share(satisfactionCount, contactsWhereAsked(total))),
                new Indicators.Complaints(complaints, informally, share(informally, complaints)),
                KnowledgeGaps.cluster(gaps, properties.gapClusters(), properties.gapExamples()),
                notHelpedArticles, byDay, byWeek, articleUpkeep());
    }

    /** The knowledge base's upkeep now, whatever the period. */
    private Indicators.ArticleUpkeep articleUpkeep() {
        ArticleUpkeep.Counts c = articles.now();
        return new Indicators.ArticleUpkeep(c.published(), c.pastReview(), c.brokenSource(), c.uncheckedSource());
    }

    /** Contacts on the channels that ask residents for a rating (those with at least one rating in the period). */
    private static long contactsWhereAsked(Map<String, Long> total) {
        long contacts = 0;
        for (Channel channel : Channel.values()) {
            if (sum(total, "satisfactionCount", channel) > 0) {
                contacts += sum(total, "contacts", channel);
            }
        }
        return contacts;
    }

    private static Indicators.Period period(String label, Map<String, Long> counters) {
        return new Indicators.Period(label, sum(counters, "contacts", null), sum(counters, "messages", null),
                sum(counters, "answered", null), sum(counters, "handoffs", null), sum(counters, "satisfactionCount", null));
    }

    /** The total of a measure over every channel (channel null) or one channel, over all its details. */
    private static long sum(Map<String, Long> counters, String measure, Channel channel) {
        long total = 0;
        for (Map.Entry<String, Long> e : counters.entrySet()) {
            String[] parts = e.getKey().split("\\|", 3);
            if (parts[0].equals(measure) && (channel == null || (parts.length > 1 && parts[1].equals(channel.name())))) {
                total += e.getValue();
            }
        }
        return total;
    }

    /** A measure by its detail (reason, language, topic, resolution, article), over every channel, largest first. */
    static Map<String, Long> byDetail(Map<String, Long> counters, String measure) {
        Map<String, Long> out = new HashMap<>();
        for (Map.Entry<String, Long> e : counters.entrySet()) {
            String[] parts = e.getKey().split("\\|", 3);
            if (parts[0].equals(measure) && parts.length == 3) {
                out.merge(parts[2], e.getValue(), Long::sum);
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        out.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static Indicators.Durations durations(List<InsightStore.Sample> samples, Predicate<InsightStore.Sample> which) {
        long[] millis = samples == null ? new long[0]
                : samples.stream().filter(which).mapToLong(InsightStore.Sample::millis).sorted().toArray();
        int n = millis.length;
        if (n == 0) {
            return new Indicators.Durations(null, null, 0);
        }
        double median = n % 2 == 1 ? millis[n / 2] : (millis[n / 2 - 1] + millis[n / 2]) / 2.0;
        long p90 = millis[(int) Math.ceil(0.9 * n) - 1];
        return new Indicators.Durations(round(median / 1000.0, 1), round(p90 / 1000.0, 1), n);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 3);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
