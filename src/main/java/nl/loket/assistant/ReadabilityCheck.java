package nl.loket.assistant;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that an answer is plain language (B1) before it goes out: Flesch-Douma for Dutch (bar 60),
 * Flesch reading ease for English (bar 55), and no sentence over 20 words, since one long sentence loses
 * a reader whatever the average says. Markdown list items and lines end a sentence; URLs, Markdown
 * markers and numbers add no syllables (numbers still count as words).
 */
final class ReadabilityCheck {

    static final int MAX_SENTENCE_WORDS = 20;
    static final double DUTCH_BAR = 60.0;
    static final double ENGLISH_BAR = 55.0;

    private static final Set<String> ABBREVIATIONS = Set.copyOf(SignalList.load("readability-abbreviations").entries()
            .stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());

    private static final Pattern MARKDOWN_IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<!\\S)(?:https?://|www\\.)\\S+|(?<![^\\s@])[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern LINE_MARKERS = Pattern.compile("^\\s*(?:#{1,6}\\s+|[-*+]\\s+|\\d+[.)]\\s+|>\\s*)+");
    private static final Pattern INLINE_MARKERS = Pattern.compile("[*_`~|]+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|(?<=[\\p{L}\\p{N}])[^\\p{L}\\p{N}]++$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<![.!?])[.!?]+[\"')\\]]*+$");
    private static final Pattern INITIAL = Pattern.compile("^\\p{L}\\.$");
    private static final Pattern ENGLISH_SILENT_ENDING = Pattern.compile("(?:[^laeiouy]es|[^laeiouydt]ed|[^laeiouy]e)$");
    private static final Pattern ENGLISH_VOWEL_GROUP = Pattern.compile("[aeiouy]{1,2}");

    // Dutch vowel combinations that sound as one syllable, longest first.
    private static final String[] DUTCH_VOWEL_COMBINATIONS = {
            "ieu", "eeu", "oei", "aai", "ooi", "ei", "oe", "ie", "eu", "ui", "aa", "ee", "oo", "uu", "ou", "au"};

    private record Sentence(String text, List<String> words) {
    }

    /** @param language "en" for English; anything else is held to the Dutch standard */
    ReadabilityReport assess(String text, String language) {
        boolean english = DetectedLanguage.ENGLISH.equalsIgnoreCase(language);
        List<Sentence> sentences = sentences(text == null ? "" : text);
        int words = 0;
        int syllableWords = 0;
        int syllables = 0;
        int longest = 0;
        String longestSentence = "";
        List<String> tooLong = new ArrayList<>();
        for (Sentence sentence : sentences) {
            words += sentence.words().size();
            if (sentence.words().size() > longest) {
                longest = sentence.words().size();
                longestSentence = sentence.text();
            }
            if (sentence.words().size() > MAX_SENTENCE_WORDS) {
                tooLong.add(sentence.text());
            }
            for (String word : sentence.words()) {
                if (word.codePoints().anyMatch(Character::isLetter)) {
                    syllableWords++;
                    syllables += english ? englishSyllables(word) : dutchSyllables(word);
                }
            }
        }
        if (words == 0) {
            return new ReadabilityReport(0.0, 0, 0, 0, "", List.of(), false);
        }
        double wordsPerSentence = (double) words / sentences.size();
        double syllablesPerWord = syllableWords == 0 ? 0.0 : (double) syllables / syllableWords;
        double score = english
                ? 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
                : 206.84 - 0.77 * (100 * syllablesPerWord) - 0.93 * wordsPerSentence;
        boolean passes = score >= (english ? ENGLISH_BAR : DUTCH_BAR) && longest <= MAX_SENTENCE_WORDS;
        return new ReadabilityReport(score, sentences.size(), words, longest, longestSentence, tooLong, passes);
    }

    private static List<Sentence> sentences(String text) {
        String plain = MARKDOWN_IMAGE_OR_LINK.matcher(text).replaceAll("$1");
        plain = URL.matcher(plain).replaceAll(" ");
        List<Sentence> sentences = new ArrayList<>();
        for (String line : plain.split("\\R")) {
            String content = INLINE_MARKERS.matcher(LINE_MARKERS.matcher(line).replaceFirst("")).replaceAll(" ");
            List<String> tokens = new ArrayList<>();
            for (String token : content.strip().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                tokens.add(token);
                if (endsSentence(token)) {
                    addSentence(sentences, tokens);
                    tokens = new ArrayList<>();
                }
            }
            addSentence(sentences, tokens);
        }
        return sentences;
    }

    private static boolean endsSentence(String token) {
        if (!SENTENCE_END.matcher(token).find()) {
            return false;
        }
        if (!token.endsWith(".")) {
            return true;
        }
        String withoutStop = token.substring(0, token.length() - 1).replaceAll("^[^\\p{L}\\p{N}]+", "");
        return !INITIAL.matcher(token).matches() && !ABBREVIATIONS.contains(withoutStop.toLowerCase(Locale.ROOT));
    }

    private static void addSentence(List<Sentence> sentences, List<String> tokens) {
        List<String> words = new ArrayList<>();
        for (String token : tokens) {
            String word = EDGE_PUNCTUATION.matcher(token).replaceAll("");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        if (!words.isEmpty()) {
            sentences.add(new Sentence(String.join(" ", tokens), List.copyOf(words)));
        }
    }

    /** Vowel groups, with Dutch long vowels and diphthongs counted once and a diaeresis starting a new one. */
    static int dutchSyllables(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        int count = 0;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = decomposed.charAt(0);
            boolean diaeresis = decomposed.indexOf('\u0308') > 0;
            if ("aeiouy".indexOf(base) >= 0) {
                if (diaeresis) {
                    count += vowelGroups(run);
                    run.setLength(0);
                }
                run.append(base);
            } else {
                count += vowelGroups(run);
                run.setLength(0);
            }
        }
        count += vowelGroups(run);
        return Math.max(1, count);
    }

    private static int vowelGroups(CharSequence run) {
        int groups = 0;
        int i = 0;
        while (i < run.length()) {
            int length = 1;
            for (String combination : DUTCH_VOWEL_COMBINATIONS) {
                if (run.length() - i >= combination.length()
                        && run.subSequence(i, i + combination.length()).toString().equals(combination)) {
                    length = combination.length();
                    break;
                }
            }
            groups++;
            i += length;
        }
        return groups;
    }

    /** The usual English heuristic: vowel groups, minus a silent final e, es or ed. */
    static int englishSyllables(String word) {
        String lower = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("[^a-z]", "");
        if (lower.length() <= 3) {
            return 1;
        }
        lower = ENGLISH_SILENT_ENDING.matcher(lower).replaceAll("");
        lower = lower.replaceFirst("^y", "");
        int groups = (int) ENGLISH_VOWEL_GROUP.matcher(lower).results().count();
        return Math.max(1, groups);
    }
}
