package nl.loket.assistant;

import nl.loket.platform.privacy.PersonalDataRedactor;
import nl.loket.platform.text.ResourceLines;
import nl.loket.platform.text.TextNormalizer;
import nl.loket.support.SpentSets;
import opennlp.tools.doccat.DoccatModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Chooses triage's thresholds honestly. Both classifiers train on the spent evaluation sets, so on those sets they
 * score their own training messages, far more sure than on a message they never saw: a threshold chosen there is too
 * high. This tool holds out one spent set at a time, trains both classifiers on everything else, scores the held-out
 * set's messages (redacted and normalised as triage sees them) and prints, summed over the folds, what each threshold
 * would catch and what it would wrongly raise. Prints, asserts nothing.
 *
 * <p>Run: {@code mvn -Pevaluation test -Dtest=TriageCrossValidation}; {@code -Devaluation.folds=a.jsonl,b.jsonl}
 * chooses the held-out sets (default: the last four spent sets, written with the full brief).
 */
@Tag("evaluation")
class TriageCrossValidation {

    /** One held-out message as the thresholds see it. */
    record Scored(SpentSets.Item item, boolean crisisListed, double crisisP, boolean dangerWord, boolean otherRule,
                  String listedReason, String escalationLabel, double escalationP, String crisisSignal,
                  boolean conceptListed) {

        boolean crisis() {
            return "CRISIS".equals(item.reason());
        }

        boolean answerable() {
            return "ANSWER".equals(item.expect());
        }

        boolean dutchOrEnglish() {
            return Set.of("nl", "en").contains(item.language());
        }

        boolean crisisRule(double threshold, double strong) {
            return crisisListed || crisisP >= strong || crisisP >= threshold && dangerWord;
        }

        boolean escalationRule(double threshold) {
            return otherRule || !EscalationClassifier.NONE.equals(escalationLabel) && escalationP >= threshold;
        }
    }

    @Test
    void printsWhatEachThresholdCatchesOnSetsItDidNotTrainOn() throws IOException {
        List<String> folds = List.of(System.getProperty("evaluation.folds",
                "sealed-2026-12-07f.jsonl,sealed-2026-12-07g.jsonl,sealed-2026-12-07h.jsonl,sealed-2026-12-07i.jsonl").split(","));
        PersonalDataRedactor redactor = new PersonalDataRedactor();
        CrisisSignals signals = new CrisisSignals();
        CrisisConcepts concepts = new CrisisConcepts();
        List<TriageRule> otherRules = List.of(new HumanRequestSignals(), new ComplaintSignals(), new CaseSpecificSignals(),
                new ComplexSignals());
        List<Scored> scored = new ArrayList<>();
        for (String fold : folds) {
            List<String> crisisLines = new ArrayList<>(ResourceLines.read(CrisisClassifier.TRAINING));
            crisisLines.addAll(linesWithout(CrisisClassifier.SPENT_SETS_TRAINING, fold));
            DoccatModel crisisModel = CrisisClassifier.train(crisisLines);
            DoccatModel escalationModel = CrisisClassifier.train(EscalationClassifier.TRAINING,
                    linesWithout(EscalationClassifier.TRAINING, fold), EscalationClassifier.LABELS, EscalationClassifier.L2_COST);
            CrisisClassifier crisis = new CrisisClassifier(crisisModel, CrisisClassifier.THRESHOLD, concepts);
            EscalationClassifier escalation = new EscalationClassifier(escalationModel, EscalationClassifier.THRESHOLD);
            for (SpentSets.Item item : SpentSets.items(fold)) {
                String text = TextNormalizer.forMatching(Triage.markPersonalData(redactor.redact(item.text()).text()));
                if (text.isEmpty()) {
                    continue;
                }
                boolean listed = signals.match(text).isPresent() || concepts.match(text).isPresent()
                        || new HedgedCrisisSignals(crisis).match(text).isPresent();
                String listedReason = otherRules.stream().map(r -> r.match(text)).flatMap(java.util.Optional::stream).findFirst()
                        .map(r -> r.reason().name()).orElse(null);
                boolean other = listedReason != null;
                if (Boolean.getBoolean("evaluation.listEscalations") && "ANSWER".equals(item.expect())) {
                    // spent sets only: their texts may be read
                    otherRules.stream().map(r -> r.match(text)).flatMap(java.util.Optional::stream).findFirst()
                            .ifPresent(r -> System.out.printf("LISTED %s %s | %s | %s%n", item.id(), r.reason(), r.signal(), item.text()));
                }
                EscalationClassifier.Guess guess = escalation.guess(text);
                String crisisSignal = signals.match(text).or(() -> concepts.match(text)).map(TriageResult::signal).orElse(null);
                scored.add(new Scored(item, listed, crisis.crisisProbability(text), concepts.hasDangerWord(text), other,
                        listedReason, guess.label(), guess.probability(), crisisSignal, concepts.match(text).isPresent()));
            }
            System.out.printf("fold %s: %d messages held out%n", fold, SpentSets.items(fold).size());
        }
        printCrisisRule(scored);
        printDoubt(scored);
        printHoldBack(scored);
        printHedged(scored);
        printEscalationRule(scored);
        printVeto(scored);
    }

    /** Would the classifier's sure NONE be right to overrule a list's non-crisis reason? Per reason and veto threshold. */
    private static void printVeto(List<Scored> scored) {
        System.out.printf("%nVETO (a list's reason overruled when the escalation classifier says NONE with P >= veto)%n");
        System.out.println("reason           veto   escalations the list caught, lost   answerable the list sent, kept");
        for (String reason : List.of("CASE_SPECIFIC", "COMPLAINT", "HUMAN_REQUESTED", "COMPLEX")) {
            for (double v : new double[] {0.7, 0.8, 0.9, 0.95, 0.98}) {
                Predicate<Scored> vetoed = s -> reason.equals(s.listedReason()) && EscalationClassifier.NONE.equals(s.escalationLabel())
                        && s.escalationP() >= v;
                System.out.printf("  %-15s %.2f   %3d of %3d                          %3d of %3d%n", reason, v,
                        count(scored, s -> !s.crisis() && "ESCALATE".equals(s.item().expect()) && vetoed.test(s)),
                        count(scored, s -> !s.crisis() && "ESCALATE".equals(s.item().expect()) && reason.equals(s.listedReason())),
                        count(scored, s -> s.answerable() && vetoed.test(s)),
                        count(scored, s -> s.answerable() && reason.equals(s.listedReason())));
            }
        }
    }

    private static void printCrisisRule(List<Scored> scored) {
        long crises = count(scored, Scored::crisis);
        long answerable = count(scored, Scored::answerable);
        long nonCrisis = count(scored, s -> !s.crisis());
        System.out.printf("%nCRISIS RULE (lists and concepts, or P >= strong, or P >= threshold with a danger word)%n");
        System.out.printf("lists and concepts alone: crisis %d/%d, false on non-crisis %d/%d%n",
                count(scored, s -> s.crisis() && s.crisisListed()), crises, count(scored, s -> !s.crisis() && s.crisisListed()), nonCrisis);
        System.out.println("threshold strong  crisis caught   false on non-crisis  false on answerable");
        for (double t : new double[] {0.4, 0.5, 0.6, 0.7, 0.8}) {
            for (double strong : new double[] {0.75, 0.8, 0.85, 0.9, 0.95, 0.97}) {
                if (strong < t) {
                    continue;
                }
                System.out.printf("  %.2f    %.2f   %4d/%d      %4d/%d          %4d/%d%n", t, strong,
                        count(scored, s -> s.crisis() && s.crisisRule(t, strong)), crises,
                        count(scored, s -> !s.crisis() && s.crisisRule(t, strong)), nonCrisis,
                        count(scored, s -> s.answerable() && s.crisisRule(t, strong)), answerable);
            }
        }
    }

    /**
     * The second look for messages that go to a person anyway. Which messages those are depends on retrieval too; here
     * they are approximated as: another rule or the escalation classifier fires, another language, or the label says
     * it must not be answered.
     */
    private static void printDoubt(List<Scored> scored) {
        Predicate<Scored> toPerson = s -> s.escalationRule(EscalationClassifier.THRESHOLD) || !s.dutchOrEnglish()
                || !s.answerable();
        Predicate<Scored> missedByRule = s -> !s.crisisRule(CrisisClassifier.THRESHOLD, CrisisClassifier.STRONG_THRESHOLD);
        long crises = count(scored, Scored::crisis);
        System.out.printf("%nCRISIS IN DOUBT (current crisis rule; messages going to a person anyway)%n");
        System.out.println("doubt  extra crises caught  crisis total   non-crisis escalations raised to URGENT");
        long caughtByRule = count(scored, s -> s.crisis() && !missedByRule.test(s));
        long escalations = count(scored, s -> !s.crisis() && toPerson.test(s));
        for (double d : new double[] {0.3, 0.4, 0.45, 0.5, 0.55, 0.6}) {
            long extra = count(scored, s -> s.crisis() && missedByRule.test(s) && toPerson.test(s) && s.crisisP() >= d);
            long raised = count(scored, s -> !s.crisis() && toPerson.test(s) && missedByRule.test(s) && s.crisisP() >= d);
            System.out.printf("  %.2f   %4d                %4d/%d      %4d/%d%n", d, extra, caughtByRule + extra, crises, raised,
                    escalations);
        }
        System.out.println("with a danger word from: (doubt 0.55 otherwise)");
        for (double d : new double[] {0.1, 0.2, 0.3, 0.4}) {
            Predicate<Scored> doubt = s -> s.crisisP() >= Triage.DEFAULT_DOUBT || s.dangerWord() && s.crisisP() >= d;
            long extra = count(scored, s -> s.crisis() && missedByRule.test(s) && toPerson.test(s) && doubt.test(s));
            long raised = count(scored, s -> !s.crisis() && toPerson.test(s) && missedByRule.test(s) && doubt.test(s));
            System.out.printf("  %.2f   %4d                %4d/%d      %4d/%d%n", d, extra, caughtByRule + extra, crises, raised,
                    escalations);
        }
    }

    /**
     * The messages no rule sends to a person, which retrieval may answer: would holding back the answer (a person
     * instead) when the crisis classifier has some doubt and a danger word is there catch the crises asked as a
     * question, and at what cost in answerable questions not answered?
     */
    private static void printHoldBack(List<Scored> scored) {
        Predicate<Scored> toPerson = s -> s.escalationRule(EscalationClassifier.THRESHOLD) || !s.dutchOrEnglish();
        Predicate<Scored> missedByRule = s -> !s.crisisRule(CrisisClassifier.THRESHOLD, CrisisClassifier.STRONG_THRESHOLD);
        Predicate<Scored> open = s -> missedByRule.test(s) && !toPerson.test(s);
        System.out.printf("%nHOLD BACK (no rule fired: a danger word and P >= d → a person instead of an answer)%n");
        System.out.printf("crises no rule sends to a person: %d; answerable questions no rule sends: %d%n",
                count(scored, s -> s.crisis() && open.test(s)), count(scored, s -> s.answerable() && open.test(s)));
        System.out.println("d      crises held back   answerable held back   out of scope held back");
        for (double d : new double[] {0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4}) {
            Predicate<Scored> held = s -> open.test(s) && s.dangerWord() && s.crisisP() >= d;
            System.out.printf("  %.2f   %4d               %4d                   %4d%n", d, count(scored, s -> s.crisis() && held.test(s)),
                    count(scored, s -> s.answerable() && held.test(s)),
                    count(scored, s -> "NO_ANSWER".equals(s.item().expect()) && held.test(s)));
        }
        Predicate<Scored> asDoubt = s -> open.test(s) && (s.crisisP() >= Triage.DEFAULT_DOUBT
                || s.dangerWord() && s.crisisP() >= Triage.DANGER_WORD_DOUBT);
        System.out.printf("the doubt as it is (%.2f, or %.2f with a danger word): %d crises, %d answerable, %d out of scope%n",
                Triage.DEFAULT_DOUBT, Triage.DANGER_WORD_DOUBT, count(scored, s -> s.crisis() && asDoubt.test(s)),
                count(scored, s -> s.answerable() && asDoubt.test(s)),
                count(scored, s -> "NO_ANSWER".equals(s.item().expect()) && asDoubt.test(s)));
        System.out.println("without a danger word:");
        for (double d : new double[] {0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7}) {
            Predicate<Scored> held = s -> open.test(s) && s.crisisP() >= d;
            System.out.printf("  %.2f   %4d               %4d                   %4d%n", d, count(scored, s -> s.crisis() && held.test(s)),
                    count(scored, s -> s.answerable() && held.test(s)),
                    count(scored, s -> "NO_ANSWER".equals(s.item().expect()) && held.test(s)));
        }
    }

    /**
     * Phrases residents also use as idioms ("ik ga dood van die wachtrij", "doodsbang voor de post"): if such a phrase
     * were to fire only when the crisis classifier also has some doubt, how many crises would be lost (nothing else
     * caught them) and how many false alarms saved? The phrases: {@code -Devaluation.hedged=regex} on the signal.
     */
    private static void printHedged(List<Scored> scored) {
        java.util.regex.Pattern hedged = java.util.regex.Pattern.compile(System.getProperty("evaluation.hedged",
                "ik ga \\(\\\\S\\+ \\)\\?dood|doodsbang\\("));
        Predicate<Scored> onlyHedged = s -> s.crisisSignal() != null && hedged.matcher(s.crisisSignal()).find()
                && !s.conceptListed() && !(s.crisisP() >= CrisisClassifier.STRONG_THRESHOLD
                || s.crisisP() >= CrisisClassifier.THRESHOLD && s.dangerWord());
        System.out.printf("%nHEDGED PHRASES (%s) firing only with the classifier's doubt >= g%n", hedged.pattern());
        System.out.printf("caught by them alone: %d crises, %d non-crisis%n", count(scored, s -> s.crisis() && onlyHedged.test(s)),
                count(scored, s -> !s.crisis() && onlyHedged.test(s)));
        System.out.println("g      crises lost   false alarms saved");
        for (double g : new double[] {0.02, 0.05, 0.1, 0.2, 0.3, 0.5}) {
            System.out.printf("  %.2f   %4d          %4d%n", g, count(scored, s -> s.crisis() && onlyHedged.test(s) && s.crisisP() < g),
                    count(scored, s -> !s.crisis() && onlyHedged.test(s) && s.crisisP() < g));
        }
        // Per list entry: the crises it alone caught and the false alarms it alone raised, with the classifier unsure.
        double g = Double.parseDouble(System.getProperty("evaluation.hedgeGate", "0.1"));
        Predicate<Scored> listOnly = s -> s.crisisListed() && !(s.crisisP() >= CrisisClassifier.STRONG_THRESHOLD
                || s.crisisP() >= CrisisClassifier.THRESHOLD && s.dangerWord()) && s.crisisP() < g;
        java.util.Map<String, long[]> perEntry = new java.util.TreeMap<>();
        for (Scored s : scored) {
            if (listOnly.test(s)) {
                String entry = s.crisisSignal() != null ? s.crisisSignal() : "hedged";
                perEntry.computeIfAbsent(entry.length() > 70 ? entry.substring(0, 70) : entry, k -> new long[2])[s.crisis() ? 0 : 1]++;
            }
        }
        System.out.printf("list entries firing where the classifier says < %.2f: crises / non-crisis%n", g);
        perEntry.forEach((entry, n) -> System.out.printf("  %3d %3d  %s%n", n[0], n[1], entry));
    }

    private static void printEscalationRule(List<Scored> scored) {
        Predicate<Scored> learned = s -> !s.crisis() && s.dutchOrEnglish();
        long mustEscalate = count(scored, s -> learned.test(s) && "ESCALATE".equals(s.item().expect()));
        long answerable = count(scored, s -> learned.test(s) && s.answerable());
        System.out.printf("%nESCALATION RULE (lists, or the escalation classifier's reason with P >= threshold; Dutch and English, no crises)%n");
        System.out.println("threshold  escalations caught   answerable sent to a person");
        for (double t : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01}) {
            System.out.printf("  %.2f     %4d/%d            %4d/%d%n", t,
                    count(scored, s -> learned.test(s) && "ESCALATE".equals(s.item().expect()) && s.escalationRule(t)), mustEscalate,
                    count(scored, s -> learned.test(s) && s.answerable() && s.escalationRule(t)), answerable);
        }
    }

    private static long count(List<Scored> scored, Predicate<Scored> p) {
        return scored.stream().filter(p).count();
    }

    /** The training file's lines outside the section of {@code set} ("# set" starts a section). */
    private static List<String> linesWithout(String resource, String set) throws IOException {
        List<String> kept = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(TriageCrossValidation.class.getResourceAsStream(resource), resource)) {
            boolean skipping = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# ")) {
                    String section = line.substring(2).strip();
                    if (section.endsWith(".jsonl")) {
                        skipping = section.equals(set);
                    }
                    continue;
                }
                if (!skipping && !line.isBlank() && !line.startsWith("#")) {
                    kept.add(line);
                }
            }
        }
        return kept;
    }
}
