package nl.loket.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The knowledge module's facade: the validated articles, and retrieval of the best topic for a resident's question
 * with a calibrated confidence. Built once at start-up (index and categorizer included); thread-safe afterwards.
 */
public final class KnowledgeBase implements AutoCloseable {

    /** Confidence at or above which a {@link Retrieval} means "clearly this topic". */
    public static final double ANSWER_THRESHOLD = 0.5;

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*(?<=[\\p{L}\\p{N}])");

    private final List<Article> articles;
    private final Map<String, Article> byId;
    private final Set<String> topics;
    private final Map<String, Set<String>> vocabulary;
    private final Map<String, TextAnalysis> analysis;
    private final SearchIndex index;
    private final TopicCategorizer categorizer;
    private final Retriever retriever;
    private final Duration indexTime;
    private final Duration trainingTime;
    private final double answerThreshold;

    KnowledgeBase(List<Article> articles) {
        this(articles, List.of(), ANSWER_THRESHOLD, Calibration.DEFAULT);
    }

    KnowledgeBase(List<Article> articles, List<AskedQuestion> questions, double answerThreshold, Calibration calibration) {
        this(articles, questions, answerThreshold, calibration, SharedModels.NONE);
    }

    KnowledgeBase(List<Article> articles, List<AskedQuestion> questions, double answerThreshold, Calibration calibration,
                  SharedModels sharedModels) {
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("a knowledge base needs at least one article");
        }
        this.articles = List.copyOf(articles);
        this.answerThreshold = answerThreshold;
        Map<String, Article> ids = new LinkedHashMap<>();
        Set<String> t = new TreeSet<>();
        Map<String, Set<String>> vocab = new HashMap<>();
        for (Article a : this.articles) {
            ids.put(a.id(), a);
            t.add(a.topic());
            Set<String> v = vocab.computeIfAbsent(a.language(), k -> new TreeSet<>());
            for (String text : texts(a)) {
                addWords(text, v);
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.topics = Collections.unmodifiableSet(t);
        Map<String, Set<String>> frozen = new HashMap<>();
        vocab.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
        this.vocabulary = Map.copyOf(frozen);

        long start = System.nanoTime();
        // Residents' questions are searched like the articles' own examples: their words are how people ask.
        List<Article> searched = withQuestions(this.articles, questions);
        Map<String, TextAnalysis> an = new HashMap<>();
        for (String language : ArticleParser.LANGUAGES) {
            Set<String> dictionary = new LinkedHashSet<>();
            TextAnalysis plain = new TextAnalysis(language, List.of());
            for (Article a : searched) {
                if (a.language().equals(language)) {
                    for (String text : texts(a)) {
                        dictionary.addAll(plain.words(text));
                    }
                }
            }
            plain.close();
            an.put(language, new TextAnalysis(language, dictionary));
        }
        this.analysis = Map.copyOf(an);
        this.index = new SearchIndex(searched, analysis);
        long indexed = System.nanoTime();
        this.categorizer = new TopicCategorizer(this.articles, questions, index, sharedModels);
        long trained = System.nanoTime();
        this.indexTime = Duration.ofNanos(indexed - start);
        this.trainingTime = Duration.ofNanos(trained - indexed);
        this.retriever = new Retriever(index, categorizer, calibration);
        log.info("Knowledge base: {} articles on {} topics, {} residents' questions; index built in {} ms, categorizer ready in {} ms",
                this.articles.size(), topics.size(), questions.size(), indexTime.toMillis(), trainingTime.toMillis());
    }

    /**
     * Loads, validates and indexes the articles under a location: {@code classpath:knowledge} (the shipped sample
     * knowledge base) or a filesystem folder.
     *
     * @throws InvalidArticleException when an article breaks the format; the message names the file and the field
     */
    public static KnowledgeBase load(String location) {
        List<Article> articles = ArticleLoader.load(location);
        return new KnowledgeBase(articles, ArticleLoader.questions(location, articles), ANSWER_THRESHOLD, Calibration.DEFAULT);
    }

    /** Loads the knowledge base as {@link #load(String)} does, with the configured answer threshold. */
    public static KnowledgeBase load(KnowledgeProperties properties) {
        List<Article> articles = ArticleLoader.load(properties.location());
        return new KnowledgeBase(articles, ArticleLoader.questions(properties.location(), articles), properties.answerThreshold(),
                Calibration.DEFAULT);
    }

    /** The confidence at or above which a retrieval may be answered ({@link #ANSWER_THRESHOLD} unless configured). */
    public double answerThreshold() {
        return answerThreshold;
    }

    /** True when the retrieval found a topic with a confidence at or above {@link #answerThreshold()}. */
    public boolean isAnswerable(Retrieval retrieval) {
        return retrieval != null && retrieval.isConfident(answerThreshold);
    }

    /** All articles, in file order. */
    public List<Article> articles() {
        return articles;
    }

    /** The article on a topic in a language, or the Dutch one when that language has none. */
    public Optional<Article> article(String topic, String language) {
        if (topic == null) {
            return Optional.empty();
        }
        Article a = language == null ? null : byId.get(language.toLowerCase(Locale.ROOT) + "-" + topic);
        if (a == null) {
            a = byId.get("nl-" + topic);
        }
        if (a == null) {
            a = articles.stream().filter(x -> x.topic().equals(topic)).findFirst().orElse(null);
        }
        return Optional.ofNullable(a);
    }

    /** All topic slugs, sorted. */
    public Set<String> topics() {
        return topics;
    }

    /**
     * The lowercased words of one language's articles (title, summary, body, examples, keywords), each also without
     * accents ("één" and "een"); empty for a language without articles.
     */
    public Set<String> vocabulary(String language) {
        return language == null ? Set.of() : vocabulary.getOrDefault(language.toLowerCase(Locale.ROOT), Set.of());
    }

    /**
     * From this many content words a message is also searched by its asking sentences alone ({@link QuestionFocus}).
     * Chosen on the development set and the spent sets: +7 answered right over about 2,300 answerable questions,
     * no false answer more; from 14 words half of that, and taking another topic from the asking part cost answers.
     */
    static final int FOCUS_MIN_WORDS = 8;

    /**
     * The best topic for a question. Searches the question's language first ({@code nl} or {@code en}; anything else
     * searches both) and falls back to the other language's articles when those know clearly more of the question.
     * Answer only when {@link Retrieval#confidence()} is at least {@link #ANSWER_THRESHOLD}.
     */
    public Retrieval retrieve(String question, String language) {
        String l = language == null ? null : language.toLowerCase(Locale.ROOT);
        java.util.function.BiFunction<String, String, String> ids = (topic, lang) -> article(topic, lang).map(Article::id).orElse(null);
        Retrieval whole = retriever.retrieve(question, l, ids);
        String asked = whole.contentWords() >= FOCUS_MIN_WORDS ? QuestionFocus.askingPart(question) : null;
        if (asked == null) {
            return whole;
        }
        // A letter's story thins out the words of its question; asked alone, the same topic may stand out clearly.
        // Only a firmer yes for the same topic counts: another topic from part of the message would ignore the rest.
        Retrieval part = retriever.retrieve(asked, l, ids);
        return whole.topic() != null && whole.topic().equals(part.topic()) && part.confidence() > whole.confidence()
                ? new Retrieval(part.topic(), part.articleId(), part.confidence(), part.runnerUpTopic(),
                        part.runnerUpConfidence(), part.candidates(), whole.topicsTouched(), whole.contentWords())
                : whole;
    }

    /** How long building the index and training the categorizer took. */
    Duration indexTime() {
        return indexTime;
    }

    Duration trainingTime() {
        return trainingTime;
    }

    Retriever retriever() {
        return retriever;
    }

    TopicCategorizer categorizer() {
        return categorizer;
    }

    SearchIndex index() {
        return index;
    }

    TextAnalysis analysis(String language) {
        return analysis.get(language);
    }

    @Override
    public void close() {
        index.close();
        analysis.values().forEach(TextAnalysis::close);
    }

    private static List<Article> withQuestions(List<Article> articles, List<AskedQuestion> questions) {
        Map<String, List<String>> byArticle = new HashMap<>();
        for (AskedQuestion q : questions) {
            if (!q.outOfScope()) {
                byArticle.computeIfAbsent(q.language() + "-" + q.topic(), k -> new ArrayList<>()).add(q.text());
            }
        }
        List<Article> out = new ArrayList<>();
        for (Article a : articles) {
            List<String> extra = byArticle.getOrDefault(a.language() + "-" + a.topic(), List.of());
            List<String> examples = new ArrayList<>(a.examples());
            examples.addAll(extra);
            out.add(new Article(a.id(), a.topic(), a.language(), a.title(), a.summary(), a.body(), a.source(), a.lastReviewed(),
                    a.related(), examples, a.keywords(), a.sample()));
        }
        return out;
    }

    private static List<String> texts(Article a) {
        List<String> texts = new ArrayList<>();
        texts.add(a.title());
        texts.add(a.summary());
        texts.add(a.body());
        texts.addAll(a.examples());
        texts.addAll(a.keywords());
        return texts;
    }

    private static void addWords(String text, Set<String> out) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            out.add(w);
            String folded = fold(w);
            if (!folded.equals(w)) {
                out.add(folded);
            }
        }
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
