package nl.loket.assistant;

import nl.loket.platform.text.TextNormalizer;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which language a resident writes in. The OpenNLP model (103 languages) alone is weak on the short
 * messages residents send: "bel me terug aub" comes out Afrikaans, probabilities are 0.01-0.05 and the top
 * two often tie. So the model's ranking is one vote, next to evidence it misses:
 * <ul>
 * <li>the writing system: Arabic, Cyrillic or Ge'ez script decides the candidates ({@code language-scripts.txt});</li>
 * <li>common Dutch and English words ({@code language-nl-words.txt}, {@code language-en-words.txt});</li>
 * <li>letters only one language uses, such as ı ş ğ or ł ę ({@code language-letters.txt});</li>
 * <li>which languages residents of Nijmegen actually write ({@code language-expected.txt}).</li>
 * </ul>
 * Close relatives of Dutch (Afrikaans, Limburgish, Frisian, Low German) count as Dutch. The answer leans
 * to Dutch, the municipality's language: another language must win clearly, and a message of three words
 * or fewer without any evidence is Dutch. Thread-safe; the model is loaded once.
 */
final class LanguageDetector {

    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    /** A winner needs this many times the score of the runner-up (or of Dutch) to count as clear. */
    static final double CLEAR_LEAD = 1.25;
    static final double WORD_WEIGHT = 0.5;
    static final double LETTER_WEIGHT = 1.0;
    static final double UNEXPECTED_LANGUAGE_FACTOR = 0.8;
    static final int SHORT_TEXT_WORDS = 3;

    private static final DetectedLanguage NOTHING_TO_GO_ON = new DetectedLanguage(DetectedLanguage.DUTCH, 0.0, false);

    /** Loaded on first use, once per JVM: the model is 10 MB. */
    private static final class Model {
        static final LanguageDetectorModel INSTANCE = load();

        private static LanguageDetectorModel load() {
            try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Language model " + MODEL_RESOURCE
                            + " missing: add org.apache.opennlp:opennlp-models-langdetect");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load language model", e);
            }
        }
    }

    private static final Map<String, String> CODE_FOLDS = readFolds();
    private static final Map<Character.UnicodeScript, List<String>> SCRIPT_LANGUAGES = readScripts();
    private static final Set<String> NON_LATIN_LANGUAGES = SCRIPT_LANGUAGES.values().stream()
            .flatMap(List::stream).collect(Collectors.toUnmodifiableSet());
    private static final Map<String, String> DISTINCTIVE_LETTERS = readLetters();
    private static final Set<String> EXPECTED = Set.copyOf(SignalList.load("language-expected").entries());
    private static final Set<String> DUTCH_WORDS = Set.copyOf(SignalList.load("language-nl-words").entries());
    private static final Set<String> ENGLISH_WORDS = Set.copyOf(SignalList.load("language-en-words").entries());
    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private record Scored(String code, double score) {
    }

    DetectedLanguage detect(String text) {
        if (text == null || text.isBlank()) {
            return NOTHING_TO_GO_ON;
        }
        Optional<Character.UnicodeScript> script = dominantScript(text);
        if (script.isEmpty()) {
            return NOTHING_TO_GO_ON;
        }
        Map<String, Double> model = modelScores(text);
        Map<String, Double> letters = letterEvidence(text);
        if (script.get() != Character.UnicodeScript.LATIN) {
            return detectNonLatin(script.get(), model, letters);
        }
        return detectLatin(text, model, letters);
    }

    private DetectedLanguage detectNonLatin(Character.UnicodeScript script, Map<String, Double> model,
                                            Map<String, Double> letters) {
        List<String> candidates = SCRIPT_LANGUAGES.get(script);
        if (candidates == null) {
            // A script we keep no list for (Greek, Hebrew, Chinese, ...): the model knows these well enough.
            Map<String, Double> notLatin = new HashMap<>(model);
            notLatin.keySet().removeAll(Set.of(DetectedLanguage.DUTCH, DetectedLanguage.ENGLISH));
            return verdict(rank(notLatin));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String code : candidates) {
            scores.put(code, model.getOrDefault(code, 0.0) * prior(code) + letters.getOrDefault(code, 0.0));
        }
        List<Scored> ranked = rank(scores);
        if (ranked.get(0).score() == 0.0) {
            // The model knows none of this script's languages (Ge'ez): take the most likely one for Nijmegen.
            return new DetectedLanguage(candidates.get(0), 0.5, false);
        }
        return verdict(ranked);
    }

    private DetectedLanguage detectLatin(String text, Map<String, Double> model, Map<String, Double> letters) {
        List<String> words = TextNormalizer.words(text);
        long dutchWords = words.stream().filter(DUTCH_WORDS::contains).count();
        long englishWords = words.stream().filter(ENGLISH_WORDS::contains).count();
        boolean evidence = dutchWords + englishWords > 0 || !letters.isEmpty();

        Map<String, Double> scores = new HashMap<>();
        model.forEach((code, share) -> {
            if (!NON_LATIN_LANGUAGES.contains(code)) {
                scores.put(code, share * prior(code));
            }
        });
        scores.merge(DetectedLanguage.DUTCH, WORD_WEIGHT * dutchWords, Double::sum);
        scores.merge(DetectedLanguage.ENGLISH, WORD_WEIGHT * englishWords, Double::sum);
        letters.forEach((code, weight) -> scores.merge(code, weight, Double::sum));

        List<Scored> ranked = rank(scores);
        double dutch = scores.get(DetectedLanguage.DUTCH);
        if (words.size() <= SHORT_TEXT_WORDS && !evidence) {
            return new DetectedLanguage(DetectedLanguage.DUTCH, share(dutch, strongestOther(ranked)), false);
        }
        Scored best = ranked.get(0);
        if (!best.code().equals(DetectedLanguage.DUTCH) && best.score() < CLEAR_LEAD * dutch) {
            return new DetectedLanguage(DetectedLanguage.DUTCH, share(dutch, best.score()), false);
        }
        return verdict(ranked);
    }

    private static DetectedLanguage verdict(List<Scored> ranked) {
        Scored best = ranked.get(0);
        double runnerUp = ranked.size() > 1 ? ranked.get(1).score() : 0.0;
        return new DetectedLanguage(best.code(), share(best.score(), runnerUp), best.score() >= CLEAR_LEAD * runnerUp);
    }

    private static double strongestOther(List<Scored> ranked) {
        return ranked.stream().filter(s -> !s.code().equals(DetectedLanguage.DUTCH)).findFirst().map(Scored::score).orElse(0.0);
    }

    private static double share(double winner, double runnerUp) {
        return winner + runnerUp == 0.0 ? 0.0 : winner / (winner + runnerUp);
    }

    private static double prior(String code) {
        return EXPECTED.contains(code) ? 1.0 : UNEXPECTED_LANGUAGE_FACTOR;
    }

    /** Best first; ties go by code so the outcome never depends on map order. */
    private static List<Scored> rank(Map<String, Double> scores) {
        List<Scored> ranked = new ArrayList<>();
        scores.forEach((code, score) -> ranked.add(new Scored(code, score)));
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::code));
        return ranked;
    }

    /**
     * The model's probabilities per reported code, relative to the best (so the best is 1.0); folded codes
     * keep the best of their members, so five Dutch relatives do not outvote one clear English.
     */
    private static Map<String, Double> modelScores(String text) {
        Language[] predictions = new LanguageDetectorME(Model.INSTANCE).predictLanguages(text);
        Map<String, Double> best = new HashMap<>();
        for (Language language : predictions) {
            best.merge(reportedCode(language.getLang()), language.getConfidence(), Math::max);
        }
        double top = best.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
        best.replaceAll((code, p) -> top == 0.0 ? 0.0 : p / top);
        return best;
    }

    static String reportedCode(String iso3) {
        String folded = CODE_FOLDS.get(iso3);
        if (folded != null) {
            return folded;
        }
        return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
    }

    private static Map<String, Double> letterEvidence(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Map<String, Double> evidence = new HashMap<>();
        DISTINCTIVE_LETTERS.forEach((code, letters) -> {
            for (int i = 0; i < letters.length(); i++) {
                if (lower.indexOf(letters.charAt(i)) >= 0) {
                    evidence.put(code, LETTER_WEIGHT);
                    return;
                }
            }
        });
        return evidence;
    }

    /** The script most letters are written in; empty when there are no letters at all. */
    static Optional<Character.UnicodeScript> dominantScript(String text) {
        Map<Character.UnicodeScript, Integer> counts = new HashMap<>();
        text.codePoints().filter(Character::isLetter)
                .forEach(cp -> counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    private static Map<String, String> readFolds() {
        Map<String, String> folds = new HashMap<>();
        for (String line : SignalList.load("language-code-folds").entries()) {
            String[] parts = line.split("=");
            if (parts.length != 2) {
                throw new IllegalStateException("language-code-folds: expected 'model = reported', got " + line);
            }
            folds.put(parts[0].strip(), parts[1].strip());
        }
        return Map.copyOf(folds);
    }

    private static Map<Character.UnicodeScript, List<String>> readScripts() {
        Map<Character.UnicodeScript, List<String>> scripts = new HashMap<>();
        SignalList.load("language-scripts").sections().forEach((section, codes) ->
                scripts.put(Character.UnicodeScript.valueOf(section), List.copyOf(codes)));
        return Map.copyOf(scripts);
    }

    private static Map<String, String> readLetters() {
        Map<String, String> letters = new LinkedHashMap<>();
        for (String line : SignalList.load("language-letters").entries()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("language-letters: expected 'code: letters', got " + line);
            }
            letters.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip().toLowerCase(Locale.ROOT));
        }
        return Map.copyOf(letters);
    }

    // Java knows the three-letter code of every two-letter one; the model speaks three-letter codes.
    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(new Locale(iso1).getISO3Language(), iso1);
            } catch (MissingResourceException ignored) {
                // no three-letter code known: nothing to map
            }
        }
        return Map.copyOf(map);
    }
}
