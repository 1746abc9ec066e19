package nl.loket.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory Lucene index: one document per article, with language-suffixed fields (title_nl, body_en, ...) so
 * that each language has its own analyzer and a query in one language only matches that language's articles.
 *
 * <p>A question is turned into one clause per content word: an exact clause over the plain fields (title, keywords
 * and examples weigh most, then summary, then body) when the word's stem is in the index, else a clause over the
 * compound-parts field when the word splits into known parts ("hondenbelasting"), and a fuzzy clause for SMS spelling
 * ("verlopn"). Two adjacent words that together form a known word ("grof vuil", "parkeer vergunning") add a clause for
 * the joined word. Each clause is searched on its own, so that the result tells per word which topics it matched:
 * that gives both the search score per topic (the sum, as a Boolean query would) and the coverage of the question.
 */
final class SearchIndex implements AutoCloseable {

    static final String TITLE = "title";
    static final String KEYWORDS = "keywords";
    static final String EXAMPLES = "examples";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    static final String PARTS = "parts";
    /** The article's keywords of several words ("mijn nijmegen", "pas verlopen"), each indexed as one term. */
    static final String PHRASE = "phrase";
    private static final float PHRASE_BOOST = 3.0f;
    private static final int MAX_PHRASE_WORDS = 4;

    private static final String[] PLAIN = {TITLE, KEYWORDS, EXAMPLES, SUMMARY, BODY};
    private static final float[] BOOST = {3.0f, 3.0f, 2.5f, 1.5f, 1.0f};
    private static final float PARTS_BOOST = 1.2f;
    private static final float FUZZY_FACTOR = 0.5f;
    private static final float FUZZY_SURE_FACTOR = 0.8f;
    private static final int FUZZY_MIN_LENGTH = 5;
    /** An unknown word written in capitals ("UWV", "CJIB") names something the knowledge base does not cover. */
    private static final double ACRONYM_WEIGHT = 2.0;
    private static final float DISMAX_TIE = 0.2f;
    private static final int MAX_WORDS = 40;
    /** Unknown words weigh most in the coverage: they are what the knowledge base cannot answer. */
    static final int UNKNOWN_DF = 0;

    /** How much a word counts as known when it matched in a strong field, only in a body, by parts, or fuzzily. */
    static final double KNOWN_STRONG = 1.0;
    static final double KNOWN_BODY_ONLY = 0.6;
    static final double KNOWN_SPLIT = 0.5;
    static final double KNOWN_FUZZY = 0.75;
    static final double KNOWN_OTHER_LANGUAGE = 0.9;
    static final double KNOWN_VARIANT = 0.9;
    static final double KNOWN_PARTIAL = 0.5;

    private final Map<String, TextAnalysis> analysis;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final String[] topicOfDoc;
    /** Per language: stem to where it occurs (strong fields or body) and in how many articles. */
    private final Map<String, Map<String, TermStats>> terms = new HashMap<>();
    private final Map<String, Integer> docsPerLanguage = new HashMap<>();
    /** Per language: the index terms by their first letter, for spelling corrections. */
    private final Map<String, Map<Character, List<String>>> termsByInitial = new HashMap<>();
    private final Map<String, java.util.Set<String>> phrases = new HashMap<>();
    /** Per language: the words as written in titles, keywords, examples and summaries (lowercase, folded). */
    private final Map<String, java.util.Set<String>> surface = new HashMap<>();

    /** Occurrence of one stem in one language's articles. */
    static final class TermStats {
        int strongDocs;
        int bodyDocs;
        int docs;
        String lastTopic;
    }

    SearchIndex(List<Article> articles, Map<String, TextAnalysis> analysis) {
        this.analysis = analysis;
        Analyzer perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                int us = fieldName.lastIndexOf('_');
                TextAnalysis a = analysis.get(fieldName.substring(us + 1));
                return fieldName.startsWith(PARTS) ? a.compound : a.stemmed;
            }
        };
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
            for (Article a : articles) {
                String l = a.language();
                Document d = new Document();
                d.add(new StringField("id", a.id(), Field.Store.NO));
                d.add(new StringField("topic", a.topic(), Field.Store.YES));
                d.add(new StringField("language", l, Field.Store.NO));
                d.add(new TextField(TITLE + "_" + l, a.title(), Field.Store.NO));
                d.add(new TextField(KEYWORDS + "_" + l, String.join("\n", a.keywords()), Field.Store.NO));
                d.add(new TextField(EXAMPLES + "_" + l, String.join("\n", a.examples()), Field.Store.NO));
                d.add(new TextField(SUMMARY + "_" + l, a.summary(), Field.Store.NO));
                d.add(new TextField(BODY + "_" + l, a.body(), Field.Store.NO));
                for (String phrase : phrases(a)) {
                    d.add(new StringField(PHRASE + "_" + l, phrase, Field.Store.NO));
                }
                d.add(new TextField(PARTS + "_" + l, String.join("\n", a.title(), String.join("\n", a.keywords()),
                        String.join("\n", a.examples()), a.summary()), Field.Store.NO));
                writer.addDocument(d);
                collectTerms(a);
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terms.forEach((language, map) -> {
            Map<Character, List<String>> byInitial = new HashMap<>();
            map.keySet().stream().sorted().forEach(t -> byInitial.computeIfAbsent(t.charAt(0), k -> new ArrayList<>()).add(t));
            termsByInitial.put(language, byInitial);
        });
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        this.topicOfDoc = new String[reader.maxDoc()];
        try {
            var stored = reader.storedFields();
            for (int i = 0; i < topicOfDoc.length; i++) {
                topicOfDoc[i] = stored.document(i).get("topic");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The key of a phrase: its words stemmed and joined by single spaces, so that "pas verloopt" finds the keyword
     * "pas verlopen" and "mijn nijmege" finds "Mijn Nijmegen".
     */
    private static String phraseKey(TextAnalysis an, List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(an.stem(w));
        }
        return sb.toString();
    }

    /** The keywords of two to four words, as stemmed lowercase folded words joined by single spaces. */
    private java.util.Set<String> phrases(Article a) {
        TextAnalysis an = analysis.get(a.language());
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String k : a.keywords()) {
            List<String> words = an.words(k);
            if (words.size() >= 2 && words.size() <= MAX_PHRASE_WORDS) {
                out.add(phraseKey(an, words));
            }
        }
        phrases.computeIfAbsent(a.language(), x -> new java.util.HashSet<>()).addAll(out);
        return out;
    }

    private void collectTerms(Article a) {
        TextAnalysis an = analysis.get(a.language());
        Map<String, TermStats> map = terms.computeIfAbsent(a.language(), k -> new HashMap<>());
        docsPerLanguage.merge(a.language(), 1, Integer::sum);
        java.util.Set<String> strong = new java.util.HashSet<>(an.contentStems(String.join("\n", a.title(),
                String.join("\n", a.keywords()), String.join("\n", a.examples()), a.summary())));
        java.util.Set<String> body = new java.util.HashSet<>(an.contentStems(a.body()));
        surface.computeIfAbsent(a.language(), k -> new java.util.HashSet<>()).addAll(an.words(String.join("\n", a.title(),
                String.join("\n", a.keywords()), String.join("\n", a.examples()), a.summary())));
        java.util.Set<String> all = new java.util.HashSet<>(strong);
        all.addAll(body);
        for (String s : all) {
            TermStats ts = map.computeIfAbsent(s, k -> new TermStats());
            ts.docs++;
            if (strong.contains(s)) {
                ts.strongDocs++;
            } else {
                ts.bodyDocs++;
            }
            ts.lastTopic = a.topic();
        }
    }

    int documents(String language) {
        return docsPerLanguage.getOrDefault(language, 0);
    }

    TermStats stats(String language, String stem) {
        Map<String, TermStats> m = terms.get(language);
        return m == null ? null : m.get(stem);
    }

    private double phraseWeight(String language, String phrase) {
        try {
            int df = reader.docFreq(new Term(PHRASE + "_" + language, phrase));
            return Math.log(1.0 + (Math.max(1, documents(language)) + 1.0) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inverse document frequency of a stem in one language; unknown stems get the highest value. */
    double idf(String language, String stem) {
        int n = Math.max(1, documents(language));
        TermStats ts = stats(language, stem);
        int df = ts == null ? UNKNOWN_DF : ts.docs;
        return Math.log(1.0 + (n + 1.0) / (df + 0.5));
    }

    /**
     * One content word of a question (or two adjacent words that form one known word) and how it is matched.
     *
     * @param word   the word as normalised (lowercase, accents folded)
     * @param how    exact, body (exact, but only in article bodies), variant (diminutive, separable prefix), other-language,
     *               joined, phrase, split, fuzzy, partial or unknown
     * @param weight its weight in the coverage: the inverse document frequency, highest for unknown words
     * @param known  how much the knowledge base knows the word, in [0,1]
     * @param tokens the normalised tokens the categorizer sees for it (stems, corrected spelling, compound parts)
     */
    record Word(String word, String how, double weight, double known, List<String> tokens, Query query, String language,
                boolean acronym) {
        Word(String word, String how, double weight, double known, List<String> tokens, Query query, String language) {
            this(word, how, weight, known, tokens, query, language, false);
        }
    }

    /** A word with the best score of its clause per topic. */
    record WordMatch(String word, String how, double weight, double known, Map<String, Double> topicScores) {
    }

    /** The result of searching one question in one language: per content word, and per topic. */
    record Result(String language, List<Word> parsed, List<WordMatch> words, Map<String, Double> topicScores) {

        double weightTotal() {
            double t = 0;
            for (WordMatch w : words) {
                t += w.weight();
            }
            return t;
        }

        /** Weighted share of the question's content words known in the knowledge base, in [0,1]. */
        double coverage() {
            double t = weightTotal();
            if (t == 0) {
                return 0;
            }
            double k = 0;
            for (WordMatch w : words) {
                k += w.weight() * w.known();
            }
            return k / t;
        }

        /** Weighted share of the question's content words that matched this topic's article, in [0,1]. */
        double coverage(String topic) {
            double t = weightTotal();
            if (t == 0 || topic == null) {
                return 0;
            }
            double k = 0;
            for (WordMatch w : words) {
                if (w.topicScores().containsKey(topic)) {
                    k += w.weight() * w.known();
                }
            }
            return k / t;
        }

        /** True when the question has a word in capitals ("UWV", "CJIB") that the knowledge base does not know. */
        boolean unknownAcronym() {
            for (Word w : parsed) {
                if (w.acronym() && w.known() < KNOWN_FUZZY) {
                    return true;
                }
            }
            return false;
        }

        /** The categorizer's tokens for the question. */
        String[] tokens() {
            List<String> out = new ArrayList<>();
            for (Word w : parsed) {
                out.addAll(w.tokens());
            }
            return out.toArray(String[]::new);
        }
    }

    /** Parses and searches a question in one language. */
    Result search(String question, String language) {
        List<Word> parsed = parse(question, language);
        List<WordMatch> matches = new ArrayList<>(parsed.size());
        Map<String, Double> totals = new LinkedHashMap<>();
        for (Word w : parsed) {
            Map<String, Double> scores = w.query() == null ? Map.of() : run(w.query());
            matches.add(new WordMatch(w.word(), w.how(), w.weight(), scores.isEmpty() ? 0 : w.known(), scores));
            scores.forEach((t, v) -> totals.merge(t, v, Double::sum));
        }
        return new Result(language, parsed, matches, totals);
    }

    /**
     * Splits a text into content words and decides per word how to match it: exactly in this language, exactly in
     * the other language (Dutch words in English questions), as two words joined, as compound parts, with corrected
     * spelling, by part of a compound, or not at all.
     */
    List<Word> parse(String text, String language) {
        TextAnalysis an = analysis.get(language);
        List<TextAnalysis.Token> tokens = an.tokens(text);
        if (tokens.size() > MAX_WORDS) {
            tokens = tokens.subList(0, MAX_WORDS);
        }
        // a message typed in capitals has no acronyms to tell apart
        int upper = 0;
        for (TextAnalysis.Token t : tokens) {
            if (t.isAcronym()) {
                upper++;
            }
        }
        boolean shouting = upper * 2 > tokens.size();
        List<Word> out = new ArrayList<>();
        java.util.Set<String> known = phrases.getOrDefault(language, java.util.Set.of());
        if (!known.isEmpty()) {
            List<String> stems = new ArrayList<>(tokens.size());
            for (TextAnalysis.Token t : tokens) {
                stems.add(an.stem(t.word()));
            }
            for (int i = 0; i < tokens.size(); i++) {
                StringBuilder phrase = new StringBuilder(stems.get(i));
                for (int n = 2; n <= MAX_PHRASE_WORDS && i + n <= tokens.size(); n++) {
                    phrase.append(' ').append(stems.get(i + n - 1));
                    String p = phrase.toString();
                    if (known.contains(p)) {
                        out.add(new Word(p, "phrase", phraseWeight(language, p), KNOWN_STRONG, List.of(p.replace(' ', '_')),
                                new BoostQuery(new TermQuery(new Term(PHRASE + "_" + language, p)), PHRASE_BOOST), language));
                    }
                }
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).word();
            if (!an.isContentWord(w)) {
                continue;
            }
            if (i + 1 < tokens.size() && an.isContentWord(tokens.get(i + 1).word())) {
                // two words that together form a known word: "grof vuil", "parkeer vergunning", "id kaart"
                String next = tokens.get(i + 1).word();
                String stem = an.stem(w + next);
                TermStats ts = stats(language, stem);
                boolean specific = ts != null && ts.strongDocs > 0 && (ts.docs <= 2
                        || stats(language, an.stem(w)) == null || stats(language, an.stem(next)) == null);
                if (specific) {
                    out.add(new Word(w + next, "joined", idf(language, stem), KNOWN_STRONG, List.of(stem),
                            exact(language, stem, 1.0f), language));
                    i++;
                    continue;
                }
            }
            Word word = word(an, language, tokens.get(i), shouting);
            out.add(word);
        }
        return out;
    }

    private Word word(TextAnalysis an, String language, TextAnalysis.Token token, boolean shouting) {
        String w = token.word();
        String stem = an.stem(w);
        double weight = idf(language, stem);
        TermStats ts = stats(language, stem);
        if (ts != null) {
            return ts.strongDocs > 0
                    ? new Word(w, "exact", weight, KNOWN_STRONG, List.of(stem), exact(language, stem, 1.0f), language)
                    : new Word(w, "body", weight, KNOWN_BODY_ONLY, List.of(stem), exact(language, stem, 1.0f), language);
        }
        String variant = "nl".equals(language) ? dutchVariant(an, language, w) : null;
        if (variant != null) {
            return new Word(w, "variant", weight, KNOWN_VARIANT, List.of(variant), exact(language, variant, 1.0f), language);
        }
        String other = "nl".equals(language) ? "en" : "nl";
        TextAnalysis on = analysis.get(other);
        if (on != null && on.isContentWord(w) && surface.getOrDefault(other, java.util.Set.of()).contains(w)) {
            String otherStem = on.stem(w);
            TermStats ots = stats(other, otherStem);
            if (ots != null && ots.strongDocs > 0) {
                return new Word(w, "other-language", idf(other, otherStem), KNOWN_OTHER_LANGUAGE, List.of(otherStem),
                        exact(other, otherStem, 1.0f), other);
            }
        }
        Decompounder.Split split = an.split(w);
        if (split.complete()) {
            List<String> tokens = new ArrayList<>();
            tokens.add(stem);
            List<Query> parts = new ArrayList<>();
            for (String part : split.parts()) {
                String ps = an.stem(part);
                tokens.add(ps);
                parts.add(new BoostQuery(new TermQuery(new Term(PARTS + "_" + language, ps)), PARTS_BOOST / split.parts().size()));
            }
            return new Word(w, "split", weight, KNOWN_SPLIT, tokens, sum(parts), language);
        }
        if (w.length() >= FUZZY_MIN_LENGTH) {
            List<String> corrected = corrections(language, stem, w.length());
            if (!corrected.isEmpty()) {
                // one correction one letter away is as good as certain ("gestoln", "aanvrage"); several, or two letters away, less so
                float factor = corrected.size() == 1 && editDistance(stem, corrected.get(0)) == 1 ? FUZZY_SURE_FACTOR : FUZZY_FACTOR;
                List<Query> clauses = new ArrayList<>();
                for (String c : corrected) {
                    clauses.add(exact(language, c, factor));
                }
                return new Word(w, "fuzzy", weight, KNOWN_FUZZY, List.of(corrected.get(0)),
                        new DisjunctionMaxQuery(clauses, 0.0f), language);
            }
        }
        boolean acronym = token.isAcronym() && !shouting;
        double unknownWeight = acronym ? weight * ACRONYM_WEIGHT : weight;
        if (!split.parts().isEmpty()) {
            // only part of the word is known ("papierbak", "hondenbelasting" when "honden" is not): weak evidence
            double share = split.coveredShare();
            List<String> tokens = new ArrayList<>();
            tokens.add(stem);
            List<Query> parts = new ArrayList<>();
            for (String part : split.parts()) {
                String ps = an.stem(part);
                tokens.add(ps);
                parts.add(new BoostQuery(new TermQuery(new Term(PARTS + "_" + language, ps)),
                        (float) (PARTS_BOOST * share / split.parts().size())));
            }
            return new Word(w, "partial", unknownWeight, KNOWN_PARTIAL * share * share, tokens, sum(parts), language, acronym);
        }
        return new Word(w, "unknown", unknownWeight, 0, List.of(stem), null, language, acronym);
    }

    /** Dutch separable prefixes that verbs take ("bijverdienen", "terugbetalen", "meenemen"). */
    private static final List<String> PREFIXES = List.of("terug", "samen", "mee", "bij", "aan", "uit", "door", "over",
            "weg", "voor", "af", "op", "in", "om", "toe", "na", "her");

    /**
     * The stem of a known word that an unknown Dutch word is a regular variant of: a diminutive ("zoontje" of "zoon",
     * "pasje" of "pas", "bestelbusje" of "bestelbus"), the verb of a noun or the other way round ("naturaliseren" of
     * "naturalisatie") or a verb with a separable prefix ("bijverdienen" of "verdienen"); null when it is none.
     */
    private String dutchVariant(TextAnalysis an, String language, String w) {
        for (String suffix : new String[] {"etje", "tje", "pje", "kje", "je"}) {
            if (w.length() - suffix.length() >= 3 && w.endsWith(suffix)) {
                String base = w.substring(0, w.length() - suffix.length());
                for (String candidate : new String[] {base, base.length() > 3 && base.charAt(base.length() - 1) == base.charAt(base.length() - 2)
                        ? base.substring(0, base.length() - 1) : base}) {
                    TermStats ts = stats(language, an.stem(candidate));
                    if (ts != null && ts.strongDocs > 0) {
                        return an.stem(candidate);
                    }
                }
            }
        }
        // verb and noun of one stem: "naturaliseren" and "naturalisatie", "registreren" and "registratie"
        String[][] derivations = {{"eren", "atie"}, {"eren", "ering"}, {"atie", "eren"}, {"ering", "eren"}};
        for (String[] d : derivations) {
            if (w.length() - d[0].length() >= 4 && w.endsWith(d[0])) {
                String related = an.stem(w.substring(0, w.length() - d[0].length()) + d[1]);
                TermStats ts = stats(language, related);
                if (ts != null && ts.strongDocs > 0) {
                    return related;
                }
            }
        }
        for (String prefix : PREFIXES) {
            if (w.length() - prefix.length() >= 5 && w.startsWith(prefix)) {
                String rest = an.stem(w.substring(prefix.length()));
                TermStats ts = stats(language, rest);
                if (ts != null && ts.strongDocs > 0) {
                    return rest;
                }
            }
        }
        return null;
    }

    /**
     * Spelling corrections for an unknown stem: the index terms within the edit distance of a Lucene
     * {@code FuzzyQuery} with prefix length 1 and transpositions (1 edit from 5 letters, 2 from 8), closest first,
     * then most frequent; at most three. Looked up in memory rather than with a FuzzyQuery rewrite: building the
     * Levenshtein automata costs 1 to 2 ms per long word, which a long web-form question multiplies past the latency
     * budget, while this takes a few microseconds.
     */
    private List<String> corrections(String language, String stem, int wordLength) {
        int edits = wordLength >= 8 ? 2 : 1;
        List<String> pool = termsByInitial.getOrDefault(language, Map.of()).get(stem.charAt(0));
        if (pool == null) {
            return List.of();
        }
        record Candidate(String term, int distance, int docs) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String term : pool) {
            if (Math.abs(term.length() - stem.length()) > edits || term.equals(stem)) {
                continue;
            }
            int d = editDistance(stem, term);
            if (d <= edits) {
                TermStats ts = stats(language, term);
                candidates.add(new Candidate(term, d, ts == null ? 0 : ts.docs));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance)
                .thenComparing(Comparator.comparingInt(Candidate::docs).reversed()).thenComparing(Candidate::term));
        int best = candidates.get(0).distance();
        List<String> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.distance() == best && out.size() < 3) {
                out.add(c.term());
            }
        }
        return out;
    }

    /** Optimal string alignment distance (Levenshtein with transpositions). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static Query sum(List<Query> clauses) {
        if (clauses.size() == 1) {
            return clauses.get(0);
        }
        var b = new org.apache.lucene.search.BooleanQuery.Builder();
        for (Query q : clauses) {
            b.add(q, org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private Query exact(String language, String stem, float factor) {
        List<Query> clauses = new ArrayList<>(PLAIN.length);
        for (int f = 0; f < PLAIN.length; f++) {
            clauses.add(new BoostQuery(new TermQuery(new Term(PLAIN[f] + "_" + language, stem)), BOOST[f] * factor));
        }
        return new DisjunctionMaxQuery(clauses, DISMAX_TIE);
    }

    /** Best score per topic for one clause. */
    private Map<String, Double> run(Query q) {
        try {
            TopDocs top = searcher.search(q, Math.max(1, topicOfDoc.length));
            if (top.scoreDocs.length == 0) {
                return Map.of();
            }
            Map<String, Double> out = new HashMap<>();
            for (ScoreDoc sd : top.scoreDocs) {
                out.merge(topicOfDoc[sd.doc], (double) sd.score, Math::max);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Analyzed tokens of a text with one of this index's analyzers (for tests and diagnostics). */
    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(t.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
