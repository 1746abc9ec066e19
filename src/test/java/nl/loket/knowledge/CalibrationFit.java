package nl.loket.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Refits the {@link Calibration} weights when the knowledge base has changed much (run with
 * {@code -Dknowledge.fit=true}): L2-regularised logistic regression on the dev set plus
 * {@code kb-fixtures/calibration-extra.jsonl}, out-of-scope questions weighed {@link #NEGATIVE_WEIGHT} times, with
 * ten-fold cross validation. Prints the weights; copy them, rounded, into {@link Calibration#DEFAULT}.
 */
@EnabledIfSystemProperty(named = "knowledge.fit", matches = "true")
class CalibrationFit {

    static final double NEGATIVE_WEIGHT = 5.0;
    static final double L2 = 0.01;
    static final String[] NAMES = {"bias", "combined", "margin", "agree", "coverage", "topicCoverage", "probability", "outOfScope", "acronym"};

    record Row(double[] x, double y, double w, boolean answerable) {
    }

    @Test
    void fit() {
        List<DevSet.Item> own = new ArrayList<>(DevSet.load().orElseThrow().items());
        own.addAll(DevSet.load(Path.of("src/test/resources/kb-fixtures/calibration-extra.jsonl")).orElseThrow().items());
        List<String> sets = spentSets();
        Tally tally = new Tally();
        // The dev set and the extra questions are no training questions: the shipped knowledge base may score them.
        List<Row> rows = new ArrayList<>(rows(ShippedKnowledgeBase.get(), own, tally));
        // A spent set's questions train the categorizer, so each is scored by a knowledge base trained without it
        // (cross-fitting): the weights then see confidences as an unseen question gets them.
        List<Article> articles = ArticleLoader.load(KnowledgeProperties.DEFAULT_LOCATION);
        // The shipped questions that come from no evaluation set (the written variants): in every cross-fitted base.
        java.util.Set<AskedQuestion> spent = new java.util.HashSet<>(SpentQuestions.allExcept(sets, null));
        List<AskedQuestion> notFromSpentSets = ArticleLoader.questions(KnowledgeProperties.DEFAULT_LOCATION, articles).stream()
                .filter(q -> !spent.contains(q)).toList();
        for (String set : sets) {
            List<AskedQuestion> training = new ArrayList<>(SpentQuestions.allExcept(sets, set));
            training.addAll(notFromSpentSets);
            try (KnowledgeBase without = new KnowledgeBase(articles, training, KnowledgeBase.ANSWER_THRESHOLD,
                    Calibration.DEFAULT)) {
                rows.addAll(rows(without, DevSet.load(SpentQuestions.FOLDER.resolve(set)).orElseThrow().items(), tally));
            }
        }
        double[] b = fit(rows);
        StringBuilder sb = new StringBuilder("CALIBRATION");
        for (int i = 0; i < b.length; i++) {
            sb.append(String.format(Locale.ROOT, " %s=%.2f", NAMES[i], b[i]));
        }
        System.out.println(sb);
        System.out.println("CALIBRATION " + rows.size() + " questions with a candidate, " + tally.nothingMatched + " without (left out)");
        System.out.printf(Locale.ROOT, "CALIBRATION right topic on top (the ceiling): %d/%d%n", tally.topRight, tally.answerable);
        report("fit", rows, b);
        for (double t = 0.30; t <= 0.551; t += 0.05) {
            curve(rows, b, t);
        }
        report("current", rows, new double[] {Calibration.DEFAULT.bias(), Calibration.DEFAULT.combined(),
                Calibration.DEFAULT.margin(), Calibration.DEFAULT.agree(), Calibration.DEFAULT.coverage(),
                Calibration.DEFAULT.topicCoverage(), Calibration.DEFAULT.probability(), Calibration.DEFAULT.outOfScope(),
                Calibration.DEFAULT.acronym()});
        List<Row> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new Random(1));
        int right = 0, oos = 0, answerable = 0, outOfScope = 0;
        for (int k = 0; k < 10; k++) {
            List<Row> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % 10 == k ? test : train).add(shuffled.get(i));
            }
            double[] bk = fit(train);
            for (Row r : test) {
                boolean yes = p(bk, r.x()) >= 0.5;
                if (r.answerable()) {
                    answerable++;
                    right += yes && r.y() == 1 ? 1 : 0;
                } else {
                    outOfScope++;
                    oos += yes ? 1 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "CALIBRATION cv: accuracy %.3f, out of scope answered %d/%d%n", (double) right / answerable, oos, outOfScope);
    }

    /** The spent sets to fit on ({@link nl.loket.support.SpentSets#sets()}). */
    static List<String> spentSets() {
        return nl.loket.support.SpentSets.sets();
    }

    static final class Tally {
        int nothingMatched;
        int topRight;
        int answerable;
    }

    /** One row per answerable or out-of-scope item with a candidate: the best candidate's features and whether it is right. */
    static List<Row> rows(KnowledgeBase kb, List<DevSet.Item> items, Tally tally) {
        List<Row> rows = new ArrayList<>();
        for (DevSet.Item item : items) {
            if ("ESCALATE".equals(item.expect())) {
                continue;
            }
            boolean answerable = "ANSWER".equals(item.expect());
            var c = kb.retriever().score(item.text(), item.language()).candidates();
            if (c.isEmpty()) {
                tally.nothingMatched++; // confidence 0 whatever the weights
                continue;
            }
            Retriever.Features f = c.get(0);
            if (answerable) {
                tally.answerable++;
                tally.topRight += f.topic().equals(item.topic()) ? 1 : 0;
            }
            double[] x = {1, f.combined(), f.margin(), f.agree() ? 1 : 0, f.coverage(), f.topicCoverage(), f.probability(),
                    f.outOfScope(), f.unknownAcronym() ? 1 : 0};
            for (String left : System.getProperty("knowledge.fit.without", "").split(",")) {
                int at = List.of(NAMES).indexOf(left);
                if (at > 0) {
                    x[at] = 0; // features left out, to compare a fit with and without them
                }
            }
            rows.add(new Row(x, answerable && f.topic().equals(item.topic()) ? 1 : 0, answerable ? 1 : NEGATIVE_WEIGHT, answerable));
        }
        return rows;
    }

    /** Answered right, answered the wrong topic and out of scope answered, at one answer threshold. */
    record Counts(int right, int wrong, int outOfScopeAnswered, int answerable, int outOfScope) {

        static Counts of(List<Row> rows, double[] b, double threshold) {
            int right = 0, wrong = 0, oos = 0, answerable = 0, outOfScope = 0;
            for (Row r : rows) {
                boolean yes = p(b, r.x()) >= threshold;
                if (r.answerable()) {
                    answerable++;
                    right += yes && r.y() == 1 ? 1 : 0;
                    wrong += yes && r.y() == 0 ? 1 : 0;
                } else {
                    outOfScope++;
                    oos += yes ? 1 : 0;
                }
            }
            return new Counts(right, wrong, oos, answerable, outOfScope);
        }
    }

    static void report(String label, List<Row> rows, double[] b) {
        Counts c = Counts.of(rows, b, 0.5);
        System.out.printf(Locale.ROOT, "CALIBRATION %s: accuracy %.3f, wrong topic answered %d, out of scope answered %d/%d%n",
                label, (double) c.right() / c.answerable(), c.wrong(), c.outOfScopeAnswered(), c.outOfScope());
    }

    /** What a different answer threshold would do. */
    static void curve(List<Row> rows, double[] b, double threshold) {
        Counts c = Counts.of(rows, b, threshold);
        System.out.printf(Locale.ROOT, "CALIBRATION threshold %.2f: right %d/%d, wrong topic %d, out of scope answered %d/%d%n",
                threshold, c.right(), c.answerable(), c.wrong(), c.outOfScopeAnswered(), c.outOfScope());
    }

    static double p(double[] b, double[] x) {
        double z = 0;
        for (int i = 0; i < b.length; i++) {
            z += b[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Newton's method on the weighted, L2-regularised log loss (the bias is not regularised). */
    static double[] fit(List<Row> rows) {
        int n = NAMES.length;
        double[] b = new double[n];
        double total = rows.stream().mapToDouble(Row::w).sum();
        for (int it = 0; it < 50; it++) {
            double[] g = new double[n];
            double[][] h = new double[n][n];
            for (Row r : rows) {
                double p = p(b, r.x());
                for (int i = 0; i < n; i++) {
                    g[i] += r.w() * (p - r.y()) * r.x()[i] / total;
                    for (int j = 0; j < n; j++) {
                        h[i][j] += r.w() * p * (1 - p) * r.x()[i] * r.x()[j] / total;
                    }
                }
            }
            for (int i = 1; i < n; i++) {
                g[i] += L2 * b[i];
                h[i][i] += L2;
            }
            for (int i = 0; i < n; i++) {
                h[i][i] += 1e-9;
            }
            double[] step = solve(h, g);
            for (int i = 0; i < n; i++) {
                b[i] -= step[i];
            }
        }
        return b;
    }

    /** Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a, double[] y) {
        int n = y.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = y[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c && m[c][c] != 0) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
