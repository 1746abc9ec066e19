package nl.loket.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the calibration features of every dev-set question to a CSV (run with -Dknowledge.dump=FILE). */
@EnabledIfSystemProperty(named = "knowledge.dump", matches = ".+")
class FeatureDump {

    @Test
    void dump() throws Exception {
        DevSet dev = DevSet.load().orElseThrow();
        try (KnowledgeBase kb = KnowledgeBase.load(System.getProperty("knowledge.location", "classpath:knowledge"));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(System.getProperty("knowledge.dump"))))) {
            out.println("id\texpect\tgold\tlanguage\trank\ttopic\trel\tabs\tprob\ttopP\tcombined\tmargin\tagree\tcoverage\ttopicCov\twords\tsearchLang\tacronym\toos\twordinfo\ttext");
            for (DevSet.Item item : dev.items()) {
                if ("ESCALATE".equals(item.expect())) {
                    continue;
                }
                Retriever.Scored s = kb.retriever().score(item.text(), item.language());
                String info = s.search() == null ? "" : String.join(" ", s.search().words().stream()
                        .map(w -> w.word() + ":" + w.how() + ":" + String.format(Locale.ROOT, "%.2f", w.weight()) + (w.topicScores().isEmpty() ? ":0" : "")).toList());
                if (s.candidates().isEmpty()) {
                    out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t0\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t\t0\t0\t%s\t%s%n", item.id(), item.expect(), item.topic(), item.language(), info, item.text());
                    continue;
                }
                for (int r = 0; r < Math.min(2, s.candidates().size()); r++) {
                    Retriever.Features f = s.candidates().get(r);
                    out.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%d\t%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%.4f\t%.4f\t%d\t%s\t%d\t%.4f\t%s\t%s%n",
                            item.id(), item.expect(), item.topic(), item.language(), r + 1, f.topic(), f.searchRelative(), f.searchAbsolute(),
                            f.probability(), f.topProbability(), f.combined(), f.margin(), f.agree() ? 1 : 0, f.coverage(), f.topicCoverage(),
                            f.contentWords(), f.language(), f.unknownAcronym() ? 1 : 0, f.outOfScope(), info, item.text().replace('\t', ' ').replace('\n', ' '));
                }
            }
        }
    }
}
