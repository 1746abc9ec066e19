package nl.loket.knowledge;

import nl.loket.platform.privacy.PersonalDataRedactor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evaluation gate in front of a publish. Labelled questions run through the assistant's own pipeline on the live
 * release and on the candidate (the live release with the draft in its place): per topic and language the first few
 * labelled questions, a spread of out-of-scope ones, the draft's own examples, and crisis messages. The publish is
 * refused when the candidate answers more of them wrongly (a wrong topic, or an answer where none is right) or handles
 * a crisis message it handled before as anything else. The live release's answers are kept per release, so an approval
 * runs only the candidate.
 */
@Component
class EvaluationGate implements PublishGate {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvaluationGate.class);

    /** One labelled question: the topic that answers it (null for none), or a crisis message. */
    record GateQuestion(String language, String text, String topic, boolean crisis) {
    }

    private record Baseline(long release, Map<GateQuestion, DraftChecks.TestAnswer> answers) {
    }

    private final KnowledgeBuilder builder;
    private final CandidateKnowledge candidates;
    private final CurrentKnowledge current;
    private final DraftChecks checks;
    private final KnowledgeEditingProperties properties;
    private final PersonalDataRedactor redactor = new PersonalDataRedactor();
    private volatile Baseline baseline;

    EvaluationGate(KnowledgeBuilder builder, CandidateKnowledge candidates, CurrentKnowledge current, DraftChecks checks,
                   KnowledgeEditingProperties properties) {
        this.builder = builder;
        this.candidates = candidates;
        this.current = current;
        this.checks = checks;
        this.properties = properties;
    }

    @Override
    public Report check(Article draft) {
        long start = System.nanoTime();
        Report report = candidates.with(draft, candidate -> check(draft, candidate));
        log.info("Evaluation gate for {}: {} ({} ms, candidate build included)", draft.id(), report.summary(),
                (System.nanoTime() - start) / 1_000_000);
        return report;
    }

    /** Runs the gate's questions on the live release and on {@code candidate}, which has {@code draft} in place. */
    Report check(Article draft, KnowledgeBase candidate) {
        List<GateQuestion> questions = questions(draft);
        Map<GateQuestion, DraftChecks.TestAnswer> before = liveAnswers(questions);
        int falseBefore = 0;
        int falseAfter = 0;
        int crisisMissed = 0;
        List<Change> changes = new ArrayList<>();
        for (GateQuestion q : questions) {
            DraftChecks.TestAnswer was = before.get(q);
            DraftChecks.TestAnswer now = checks.ask(candidate, q.text());
            boolean wrongBefore = wrong(q, was);
            boolean wrongAfter = wrong(q, now);
            falseBefore += wrongBefore ? 1 : 0;
            falseAfter += wrongAfter ? 1 : 0;
            boolean crisisLost = q.crisis() && crisis(was) && !crisis(now);
            crisisMissed += crisisLost ? 1 : 0;
            if (!shown(was).equals(shown(now))) {
                changes.add(new Change(redactor.redact(q.text()).text(), q.crisis() ? "CRISIS" : q.topic() == null ? "-" : q.topic(),
                        shown(was), shown(now), crisisLost || wrongAfter && !wrongBefore));
            }
        }
        return new Report(questions.size(), falseBefore, falseAfter, crisisMissed, List.copyOf(changes));
    }

    /** The questions the gate asks, the same for the live release and the candidate. */
    List<GateQuestion> questions(Article draft) {
        int perTopic = properties.gateQuestionsPerTopic();
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<GateQuestion> inScope = new ArrayList<>();
        List<GateQuestion> outOfScope = new ArrayList<>();
        for (AskedQuestion q : builder.labelledQuestions()) {
            if (q.outOfScope()) {
                outOfScope.add(new GateQuestion(q.language(), q.text(), null, false));
            } else if (taken.merge(q.language() + "|" + q.topic(), 1, Integer::sum) <= perTopic) {
                inScope.add(new GateQuestion(q.language(), q.text(), q.topic(), false));
            }
        }
        List<GateQuestion> out = new ArrayList<>(inScope);
        out.addAll(spread(outOfScope, properties.gateOutOfScope()));
        for (String example : draft.examples()) {
            out.add(new GateQuestion(draft.language(), example, draft.topic(), false));
        }
        for (String crisis : spread(checks.crisisExamples(), properties.gateCrisisMessages())) {
            out.add(new GateQuestion("", crisis, null, true));
        }
        return out.stream().distinct().toList();
    }

    private Map<GateQuestion, DraftChecks.TestAnswer> liveAnswers(List<GateQuestion> questions) {
        Baseline b = baseline;
        long release = current.release();
        if (b == null || b.release() != release) {
            b = new Baseline(release, new java.util.concurrent.ConcurrentHashMap<>());
            baseline = b;
        }
        KnowledgeBase live = current.current();
        for (GateQuestion q : questions) {
            b.answers().computeIfAbsent(q, x -> checks.ask(live, x.text()));
        }
        return b.answers();
    }

    /** Evenly spread: every n-th, so each topic's neighbours are in, not only the first topic's. */
    private static <T> List<T> spread(List<T> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<T> out = new ArrayList<>(max);
        double step = (double) all.size() / max;
        for (int i = 0; i < max; i++) {
            out.add(all.get((int) (i * step)));
        }
        return out;
    }

    private static boolean wrong(GateQuestion q, DraftChecks.TestAnswer a) {
        return !q.crisis() && "ANSWERED".equals(a.outcome()) && !Objects.equals(q.topic(), a.topic());
    }

    private static boolean crisis(DraftChecks.TestAnswer a) {
        return "ESCALATED".equals(a.outcome()) && "CRISIS".equals(a.reason());
    }

    private static String shown(DraftChecks.TestAnswer a) {
        return switch (a.outcome()) {
            case "ANSWERED" -> "ANSWERED " + a.topic();
            case "ESCALATED" -> "ESCALATED " + a.reason();
            default -> a.outcome();
        };
    }
}
