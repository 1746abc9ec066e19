package nl.loket.insight;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups the questions the assistant could not answer by a term they share, so an editor sees "12 × parkeren"
 * rather than 12 loose questions. Terms are content words reduced to their stem (Snowball Dutch); the term
 * shared by most questions forms the first group, and so on (greedy). A question that shares no term with
 * another stands alone. Placeholders of redacted personal data never count as terms.
 */
final class KnowledgeGaps {

    private static final Set<String> STOP_WORDS = Set.copyOf(java.util.Arrays.asList(
            "aan", "als", "bij", "dat", "de", "deze", "die", "dit", "een", "en", "er", "het", "hoe", "ik", "in", "is",
            "je", "kan", "kun", "kunt", "maar", "me", "met", "mijn", "mij", "moet", "naar", "niet", "nog", "of", "om",
            "ook", "op", "over", "te", "tot", "uw", "u", "van", "voor", "waar", "wanneer", "wat", "we", "welke", "wie",
            "wil", "wordt", "worden", "mag", "mogen", "moeten", "kunnen", "willen", "zijn", "ze", "zo", "heb", "hebben", "heeft", "graag", "hallo", "goedemorgen",
            "goedemiddag", "dag", "dank", "bedankt", "alstublieft", "aub", "vraag", "gemeente", "nijmegen",
            "the", "and", "how", "what", "can", "for", "you", "with", "my", "is", "do", "does", "where", "when"));

    record Question(String text, Set<String> stems, Map<String, String> surface) { }

    private KnowledgeGaps() { }

    /** Groups questions (given oldest first); returns at most {@code limit} groups, largest first. */
    static List<Indicators.KnowledgeGap> cluster(List<String> questions, int limit, int examples) {
        List<Question> all = new ArrayList<>();
        for (int i = questions.size() - 1; i >= 0; i--) {  // newest first: examples show what is asked now
            all.add(analyse(questions.get(i)));
        }
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, String> words = new HashMap<>();
        for (Question q : all) {
            for (String stem : q.stems()) {
                frequency.merge(stem, 1, Integer::sum);
                words.putIfAbsent(stem, q.surface().get(stem));
            }
        }
        List<String> terms = frequency.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<Indicators.KnowledgeGap> out = new ArrayList<>();
        Set<Question> placed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (String term : terms) {
            List<Question> group = all.stream().filter(q -> !placed.contains(q) && q.stems().contains(term)).toList();
            if (group.size() > 1) {
                placed.addAll(group);
                out.add(gap(words.get(term), group, examples));
            }
        }
        for (Question q : all) {
            if (!placed.contains(q)) {
                String term = q.stems().isEmpty() ? "" : q.surface().get(q.stems().iterator().next());
                out.add(gap(term, List.of(q), examples));
            }
        }
        return out.stream()
                .sorted(Comparator.comparingLong(Indicators.KnowledgeGap::count).reversed())
                .limit(limit).toList();
    }

    private static Indicators.KnowledgeGap gap(String term, List<Question> group, int examples) {
        List<String> texts = group.stream().map(Question::text).distinct().limit(examples).toList();
        return new Indicators.KnowledgeGap(term, texts.get(0), texts, group.size());
    }

    static Question analyse(String text) {
        SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.DUTCH);
        String withoutPlaceholders = text.replaceAll("\\[[A-Z-]+]", " ");
        String plain = Normalizer.normalize(withoutPlaceholders.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        Set<String> stems = new LinkedHashSet<>();
        Map<String, String> surface = new LinkedHashMap<>();
        for (String word : plain.split("[^\\p{L}]+")) {
            if (word.length() < 3 || STOP_WORDS.contains(word)) {
                continue;
            }
            String stem = stemmer.stem(word).toString();
            stems.add(stem);
            surface.putIfAbsent(stem, word);
        }
        return new Question(text, stems, surface);
    }
}
