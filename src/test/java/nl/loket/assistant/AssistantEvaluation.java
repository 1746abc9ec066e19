package nl.loket.assistant;

import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactService;
import nl.loket.contact.Identity;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.Outcome;
import nl.loket.contact.Receipt;
import nl.loket.contact.Reply;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Runs a labelled set of resident messages through the real pipeline (channel-shaped inbound
 * message → contact store in Redis → guarded assistant) and prints the figures in
 * docs/evaluation.md. Not part of {@code mvn verify}; run it with {@code mvn -Pevaluation test}
 * and other sets with {@code -Devaluation.file=path/to/set.jsonl[,another.jsonl]}: several sets are also printed side
 * by side (a sealed set beside the development set).
 */
@Tag("evaluation")
class AssistantEvaluation extends LoketIntegrationTest {

    @Autowired ContactService contacts;
    @Autowired JsonMapper json;
    @Autowired Triage triage;
    @Autowired nl.loket.knowledge.CurrentKnowledge knowledge;

    record Item(String id, String text, Channel channel, String language, String expect, String topic, String reason,
                String kind) { }

    record Result(Item item, Reply reply, long decisionNanos, Double confidence) {
        boolean answered() { return reply.outcome() == Outcome.ANSWERED; }
        boolean escalatedFor(String reason) {
            return reply.outcome() == Outcome.ESCALATED && reply.escalation() != null
                    && reply.escalation().reason().name().equals(reason);
        }
    }

    /** One set's report: the text with its misses, and its figures by row label for the side-by-side table. */
    record Report(String text, Map<String, String> figures) { }

    @Test
    void evaluate() throws IOException {
        // Several sets, comma-separated (a sealed set and the development set), are also printed side by side.
        Map<String, Map<String, String>> bySet = new LinkedHashMap<>();
        for (String name : System.getProperty("evaluation.file", "src/test/resources/evaluation/devset.jsonl").split(",")) {
            Path file = Path.of(name.strip());
            List<Item> items = read(file);
            // warm-up, so the figures measure the pipeline and not the JIT
            for (int i = 0; i < Math.min(50, items.size()); i++) {
                run(items.get(i));
            }
            List<Result> results = new ArrayList<>();
            for (Item item : items) {
                results.add(run(item));
            }
            // A sealed set's misses are listed by id and kind only, so reading the report does not spend the set.
            Report report = report(file, results, Boolean.getBoolean("evaluation.hideText"));
            String dump = System.getProperty("evaluation.dump", "");
            if (!dump.isBlank()) {
                Files.write(Path.of(dump), diagnostics(results), StandardCharsets.UTF_8);
            }
            System.out.println(report.text());
            bySet.put(file.getFileName().toString(), report.figures());
        }
        if (bySet.size() > 1) {
            System.out.println(sideBySide(bySet));
        }
    }

    /**
     * One tab-separated line per item, for tuning on spent sets only (it holds no text): what was expected and given,
     * and what each step saw on the unredacted text — the triage rule that fired, the retrieval's topic, confidence,
     * topics touched and content words, and whether the other-organisation check would hold the answer back.
     */
    List<String> diagnostics(List<Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add("id\texpect\ttopic\treason\toutcome\tgotTopic\tgotReason\tconfidence\ttriage\tretrievedTopic"
                + "\tretrievedConfidence\ttouched\tcontentWords\totherOrganisation\tescalationGuess");
        OtherOrganisationCheck others = new OtherOrganisationCheck();
        EscalationClassifier escalation = new EscalationClassifier();
        for (Result r : results) {
            Item i = r.item();
            String language = "en".equals(r.reply().language()) ? "en" : "nl";
            var kb = knowledge.current();
            var retrieval = kb.retrieve(i.text(), language);
            String other = retrieval.topic() == null ? "" : kb.article(retrieval.topic(), language)
                    .flatMap(a -> others.unsupported(i.text(), a, 0.0)).orElse("");
            lines.add(String.join("\t", i.id(), i.expect(), String.valueOf(i.topic()), String.valueOf(i.reason()),
                    r.reply().outcome().name(), String.valueOf(r.reply().topic()),
                    r.reply().escalation() == null ? "null" : r.reply().escalation().reason().name(),
                    String.valueOf(r.confidence()), triage.classify(i.text()).map(TriageResult::signal).orElse(""),
                    String.valueOf(retrieval.topic()), String.format(Locale.ROOT, "%.3f", retrieval.confidence()),
                    String.valueOf(retrieval.topicsTouched()), String.valueOf(retrieval.contentWords()), other,
                    guess(escalation, i.text())));
        }
        return lines;
    }

    private static String guess(EscalationClassifier classifier, String text) {
        String normalized = nl.loket.platform.text.TextNormalizer.forMatching(Triage.markPersonalData(text));
        if (normalized.isEmpty()) {
            return "";
        }
        EscalationClassifier.Guess g = classifier.guess(normalized);
        return g.label() + String.format(Locale.ROOT, ":%.3f", g.probability());
    }

    /** The figures of several sets in columns, rows in the order they first appear. */
    static String sideBySide(Map<String, Map<String, String>> bySet) {
        List<String> labels = new ArrayList<>();
        bySet.values().forEach(f -> f.keySet().stream().filter(l -> !labels.contains(l)).forEach(labels::add));
        StringBuilder out = new StringBuilder("\n=== Side by side ===\n| |");
        bySet.keySet().forEach(set -> out.append(' ').append(set).append(" |"));
        out.append("\n|---|").append("---|".repeat(bySet.size())).append('\n');
        for (String label : labels) {
            out.append("| ").append(label.strip()).append(" |");
            bySet.values().forEach(f -> out.append(' ').append(f.getOrDefault(label, "–")).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    private Result run(Item item) {
        String unique = UUID.randomUUID().toString();
        Identity identity = switch (item.channel()) {
            case SMS, PHONE -> Identity.phone("+3161" + String.format("%07d", Math.floorMod(unique.hashCode(), 10_000_000)));
            case WEBFORM -> Identity.email(unique + "@example.nl");
            case CHAT -> Identity.chatVisitor(unique);
        };
        String thread = item.channel() == Channel.CHAT || item.channel() == Channel.PHONE ? unique : null;
        InboundMessage inbound = new InboundMessage(item.channel(), List.of(identity), item.text(), OffsetDateTime.now(),
                null, thread, null, null, AuthorRole.RESIDENT, null, null, Map.of(), List.of());
        long start = System.nanoTime();
        Receipt receipt = contacts.receive(inbound);
        long took = System.nanoTime() - start;
        Double confidence = contacts.conversation(receipt.conversation().id())
                .map(c -> c.lastOutcome() == null ? null : c.lastOutcome().confidence()).orElse(null);
        return new Result(item, receipt.reply(), took, confidence);
    }

    static Report report(Path file, List<Result> results, boolean hideText) {
        Map<String, String> figures = new LinkedHashMap<>();
        List<Result> answerable = results.stream().filter(r -> r.item().expect().equals("ANSWER")).toList();
        long correct = answerable.stream().filter(r -> r.answered() && r.item().topic().equals(r.reply().topic())).count();
        long wrongTopic = answerable.stream().filter(r -> r.answered() && !r.item().topic().equals(r.reply().topic())).count();
        long answeredWhenMustNot = results.stream().filter(r -> !r.item().expect().equals("ANSWER") && r.answered()).count();
        long falseAnswers = wrongTopic + answeredWhenMustNot;
        List<Result> crisis = results.stream().filter(r -> "CRISIS".equals(r.item().reason())).toList();
        long crisisCaught = crisis.stream().filter(r -> r.escalatedFor("CRISIS")).count();
        long crisisWithNumbers = crisis.stream().filter(r -> r.escalatedFor("CRISIS")
                && r.reply().text().contains("112") && r.reply().text().contains("113")).count();
        List<Result> outOfScope = results.stream().filter(r -> r.item().expect().equals("NO_ANSWER")).toList();
        long heldBack = outOfScope.stream().filter(r -> !r.answered()).count();
        long languageRight = results.stream().filter(r -> r.item().language().equals(r.reply().language())).count();
        long[] nanos = results.stream().mapToLong(Result::decisionNanos).sorted().toArray();

        StringBuilder out = new StringBuilder();
        out.append("\n=== Loket assistant evaluation: ").append(file.getFileName()).append(" (").append(results.size())
                .append(" items) ===\n");
        row(out, figures, "answered-correct (answerable)", correct, answerable.size());
        row(out, figures, "false answers (all items)", falseAnswers, results.size());
        row(out, figures, "  wrong topic", wrongTopic, results.size());
        row(out, figures, "  answered but must not", answeredWhenMustNot, results.size());
        row(out, figures, "crisis recall", crisisCaught, crisis.size());
        row(out, figures, "crisis with help numbers", crisisWithNumbers, crisis.size());
        Map<String, List<Result>> byKind = new TreeMap<>();
        crisis.stream().filter(r -> r.item().kind() != null)
                .forEach(r -> byKind.computeIfAbsent(r.item().kind(), k -> new ArrayList<>()).add(r));
        byKind.forEach((kind, list) -> row(out, figures, "  crisis " + kind + " (URGENT+112/113)", list.stream()
                .filter(r -> r.escalatedFor("CRISIS") && r.reply().text().contains("112") && r.reply().text().contains("113"))
                .count(), list.size()));
        List<Result> lookalikes = results.stream().filter(r -> "lookalike".equals(r.item().kind())).toList();
        if (!lookalikes.isEmpty()) {
            row(out, figures, "false crisis on look-alikes", lookalikes.stream().filter(r -> r.escalatedFor("CRISIS")).count(),
                    lookalikes.size());
            List<Result> answerableLookalikes = lookalikes.stream().filter(r -> r.item().expect().equals("ANSWER")).toList();
            row(out, figures, "  look-alikes answered correctly", answerableLookalikes.stream()
                    .filter(r -> r.answered() && r.item().topic().equals(r.reply().topic())).count(), answerableLookalikes.size());
        }
        row(out, figures, "false crisis on all non-crisis", results.stream().filter(r -> !"CRISIS".equals(r.item().reason())
                && r.escalatedFor("CRISIS")).count(), results.stream().filter(r -> !"CRISIS".equals(r.item().reason())).count());
        Map<String, List<Result>> byReason = new TreeMap<>();
        results.stream().filter(r -> r.item().expect().equals("ESCALATE"))
                .forEach(r -> byReason.computeIfAbsent(r.item().reason(), k -> new ArrayList<>()).add(r));
        byReason.forEach((reason, list) -> {
            row(out, figures, "escalation recall " + reason, list.stream().filter(r -> r.escalatedFor(reason)).count(), list.size());
            row(out, figures, "  handed to a person " + reason, list.stream().filter(r -> r.reply().outcome() == Outcome.ESCALATED).count(), list.size());
        });
        row(out, figures, "out of scope held back", heldBack, outOfScope.size());
        row(out, figures, "language accuracy", languageRight, results.size());
        latency(out, figures, "decision latency p50", percentile(nanos, 0.50));
        latency(out, figures, "decision latency p99", percentile(nanos, 0.99));
        latency(out, figures, "decision latency max", nanos[nanos.length - 1]);
        out.append("\nMisses (expected → got):\n");
        for (Result r : results) {
            boolean ok = switch (r.item().expect()) {
                case "ANSWER" -> r.answered() && r.item().topic().equals(r.reply().topic());
                case "NO_ANSWER" -> !r.answered();
                default -> r.escalatedFor(r.item().reason());
            };
            if (!ok) {
                String expected = r.item().expect() + (r.item().topic() != null ? " " + r.item().topic() : "")
                        + (r.item().reason() != null ? " " + r.item().reason() : "");
                String got = r.reply().outcome() + (r.reply().topic() != null ? " " + r.reply().topic() : "")
                        + (r.reply().escalation() != null ? " " + r.reply().escalation().reason() : "")
                        + (r.confidence() != null ? String.format(java.util.Locale.ROOT, " (%.2f)", r.confidence()) : "");
                String shown = hideText ? (r.item().kind() == null ? "" : "[" + r.item().kind() + "]")
                        : r.item().text().length() > 70 ? r.item().text().substring(0, 70) + "…" : r.item().text();
                out.append(String.format("  %-5s %-32s → %-32s %s%n", r.item().id(), expected, got, shown));
            }
        }
        return new Report(out.toString(), figures);
    }

    private static void row(StringBuilder out, Map<String, String> figures, String name, long count, long total) {
        double share = total == 0 ? 0.0 : 100.0 * count / total;
        out.append(String.format(Locale.ROOT, "%-34s %4d / %-4d %6.1f%%%n", name, count, total, share));
        figures.put(name, String.format(Locale.ROOT, "%d / %d (%.1f%%)", count, total, share));
    }

    private static void latency(StringBuilder out, Map<String, String> figures, String name, double nanos) {
        out.append(String.format(Locale.ROOT, "%-34s %8.2f ms%n", name, nanos / 1e6));
        figures.put(name, String.format(Locale.ROOT, "%.1f ms", nanos / 1e6));
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Blind writers spell the web form "WEB_FORM" or "WEBFORM"; the sealed files stay as written. */
    private static Channel channel(String name) {
        return Channel.valueOf(name.replace("WEB_FORM", "WEBFORM"));
    }

    private List<Item> read(Path file) throws IOException {
        List<Item> items = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            items.add(new Item(n.get("id").asString(), n.get("text").asString(),
                    channel(n.path("channel").asString("CHAT")), n.path("language").asString("nl"),
                    n.get("expect").asString(), n.path("topic").asString(null), n.path("reason").asString(null),
                    n.path("kind").asString(null)));
        }
        return items;
    }

}
