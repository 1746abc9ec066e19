package nl.loket.knowledge;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import nl.loket.platform.models.ModelFiles;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A maximum-entropy topic categorizer (OpenNLP {@link DocumentCategorizerME}) trained at start-up on every article's
 * examples, title and keywords, in both languages, with the topic as label. Tokens are normalised exactly as the
 * search index does it (lowercase, accents folded, stop words dropped, Snowball-stemmed) and compound words add their
 * parts, so "grofvuilophalen" and "grof vuil ophalen" look alike.
 */
final class TopicCategorizer {

    /**
     * Maximum entropy trained with L-BFGS and L2 regularisation: on the dev set as accurate as plain GIS maxent
     * (0.96 against 0.95) but much less sure of itself on out-of-scope questions, which is what the confidence needs.
     */
    static final String ALGORITHM = "MAXENT_QN";
    static final double L2_COST = 0.3;
    static final int ITERATIONS = 300;
    static final int CUTOFF = 0;

    /**
     * The label of the questions that no article answers (other authorities, health care, weather, ...): a reject
     * class, trained on {@code out-of-scope.txt} next to this class, that takes probability away from the topics.
     */
    static final String OUT_OF_SCOPE = "_out_of_scope";
    static final String OUT_OF_SCOPE_FILE = "out-of-scope.txt";

    private final DoccatModel model;
    private final ThreadLocal<DocumentCategorizerME> categorizer;
    private final SearchIndex index;

    /**
     * Models trained in this JVM, by a digest of everything that went into them. Training takes seconds with the
     * residents' questions; an application context started again on the same knowledge base (tests start several)
     * gets the same model without training it again. A few entries: one per knowledge base version in use.
     */
    private static final Map<String, DoccatModel> TRAINED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(4, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, DoccatModel> eldest) {
                    return size() > 4;
                }
            });

    /** Trains on the articles; the index supplies the tokens, so that training and questions are normalised alike. */
    TopicCategorizer(List<Article> articles, List<AskedQuestion> questions, SearchIndex index) {
        this(articles, questions, index, SharedModels.NONE);
    }

    /** As above; a model another instance trained on the same tokens is loaded from {@code shared} instead of trained. */
    TopicCategorizer(List<Article> articles, List<AskedQuestion> questions, SearchIndex index, SharedModels shared) {
        this.index = index;
        List<DocumentSample> samples = samples(articles, questions);
        // Keyed by what the model learns from, the labelled tokens: an edit of an article's summary or body that
        // changes no training token (most edits) publishes without training again.
        String digest = digest(samples);
        // In this process already, else offered by another instance, else kept on disk by an earlier process (then
        // offered to the other instances as if trained here), else trained and offered and kept.
        DoccatModel trained = TRAINED.get(digest);
        if (trained == null) {
            trained = shared.find(digest).flatMap(TopicCategorizer::read).orElse(null);
        }
        if (trained == null) {
            Optional<byte[]> stored = ModelFiles.read(digest);
            trained = stored.flatMap(TopicCategorizer::read).orElse(null);
            if (trained != null) {
                shared.offer(digest, stored.get());
            }
        }
        if (trained == null) {
            trained = train(samples);
            write(trained).ifPresent(bytes -> {
                shared.offer(digest, bytes);
                ModelFiles.write(digest, bytes);
            });
        }
        TRAINED.put(digest, trained);
        this.model = trained;
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    }

    private List<DocumentSample> samples(List<Article> articles, List<AskedQuestion> questions) {
        List<DocumentSample> samples = new ArrayList<>();
        for (String[] q : outOfScopeQuestions()) {
            String[] tokens = tokens(q[1], q[0]);
            if (tokens.length > 0) {
                samples.add(new DocumentSample(OUT_OF_SCOPE, tokens));
            }
        }
        for (Article a : articles) {
            List<String> texts = new ArrayList<>(a.examples());
            texts.add(a.title());
            texts.addAll(a.keywords());
            for (String text : texts) {
                String[] tokens = tokens(text, a.language());
                if (tokens.length > 0) {
                    samples.add(new DocumentSample(a.topic(), tokens));
                }
            }
        }
        for (AskedQuestion q : questions) {
            String[] tokens = tokens(q.text(), q.language());
            if (tokens.length > 0) {
                samples.add(new DocumentSample(q.outOfScope() ? OUT_OF_SCOPE : q.topic(), tokens));
            }
        }
        return samples;
    }

    private static Optional<DoccatModel> read(byte[] bytes) {
        try {
            return Optional.of(new DoccatModel(new java.io.ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            // A damaged or foreign entry is not trusted: this instance trains its own.
            return Optional.empty();
        }
    }

    private static Optional<byte[]> write(DoccatModel model) {
        var out = new java.io.ByteArrayOutputStream();
        try {
            model.serialize(out);
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static DoccatModel train(List<DocumentSample> samples) {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, ALGORITHM);
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        params.put("L1Cost", 0.0);
        params.put("L2Cost", L2_COST);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            FeatureGenerator[] features = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
            return DocumentCategorizerME.train("mul", new CollectionObjectStream<>(samples), params, new DoccatFactory(features));
        } catch (opennlp.tools.util.InvalidFormatException e) {
            throw new IllegalStateException("cannot set up the topic categorizer", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the model depends on: the training settings and each sample's label and tokens, in order. */
    private static String digest(List<DocumentSample> samples) {
        ModelFiles.Digest digest = ModelFiles.digest("topic-categorizer " + ALGORITHM + " " + ITERATIONS + " " + CUTOFF + " "
                + L2_COST + " words+word-pairs opennlp " + opennlp.tools.util.Version.currentVersion());
        for (DocumentSample sample : samples) {
            digest.add(sample.getCategory());
            for (String token : sample.getText()) {
                digest.add(token);
            }
            digest.endRecord();
        }
        return digest.hex();
    }

    /**
     * The categorizer's tokens: stems of the content words as the index parses them (two words forming one known word
     * joined, compound parts added, spelling corrected).
     */
    String[] tokens(String text, String language) {
        List<String> out = new ArrayList<>();
        for (SearchIndex.Word w : index.parse(text, language)) {
            out.addAll(w.tokens());
        }
        return out.toArray(String[]::new);
    }

    /** Forgets the models trained in this process, as a freshly started instance would have none (tests). */
    static void forgetTrainedModels() {
        TRAINED.clear();
    }

    /** Whether both were trained on the same labelled tokens, and so share one model. */
    boolean sharesModelWith(TopicCategorizer other) {
        return model == other.model;
    }

    /** Probability per topic; all topics, summing to 1. Uniform when no token is known. */
    Map<String, Double> probabilities(String text, String language) {
        return probabilities(tokens(text, language));
    }

    Map<String, Double> probabilities(String[] tokens) {
        DocumentCategorizerME me = categorizer.get();
        double[] p = me.categorize(tokens);
        Map<String, Double> out = new HashMap<>(p.length * 2);
        for (int i = 0; i < p.length; i++) {
            out.put(me.getCategory(i), p[i]);
        }
        return out;
    }

    /** The bundled out-of-scope questions as {language, question}. */
    static List<String[]> outOfScopeQuestions() {
        List<String[]> out = new ArrayList<>();
        try (var in = TopicCategorizer.class.getResourceAsStream(OUT_OF_SCOPE_FILE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OUT_OF_SCOPE_FILE + " next to " + TopicCategorizer.class.getName());
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int bar = l.indexOf('|');
                String language = bar > 0 ? l.substring(0, bar).strip() : "";
                if (!ArticleParser.LANGUAGES.contains(language)) {
                    throw new IllegalStateException(OUT_OF_SCOPE_FILE + ": '" + l + "' does not start with nl| or en|");
                }
                out.add(new String[] {language, l.substring(bar + 1).strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The trained model (shared by categorizers trained on the same knowledge). */
    DoccatModel model() {
        return model;
    }

    int numberOfTopics() {
        return categorizer.get().getNumberOfCategories();
    }
}
