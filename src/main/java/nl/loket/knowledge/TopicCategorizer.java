package nl.loket.knowledge;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
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

    private final DoccatModel model;
    private final ThreadLocal<DocumentCategorizerME> categorizer;
    private final SearchIndex index;

    /** Trains on the articles; the index supplies the tokens, so that training and questions are normalised alike. */
    TopicCategorizer(List<Article> articles, SearchIndex index) {
        this.index = index;
        List<DocumentSample> samples = new ArrayList<>();
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
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, ALGORITHM);
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        params.put("L1Cost", 0.0);
        params.put("L2Cost", L2_COST);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            FeatureGenerator[] features = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
            this.model = DocumentCategorizerME.train("mul", new CollectionObjectStream<>(samples), params, new DoccatFactory(features));
        } catch (opennlp.tools.util.InvalidFormatException e) {
            throw new IllegalStateException("cannot set up the topic categorizer", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
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

    int numberOfTopics() {
        return categorizer.get().getNumberOfCategories();
    }
}
