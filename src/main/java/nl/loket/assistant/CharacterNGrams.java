package nl.loket.assistant;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Character 4-grams of every word, with the word's edges marked, for {@link CrisisClassifier}: misspelt, shortened
 * and glued words still share most of their features with the words they stand for. Public with a public
 * constructor only because OpenNLP recreates feature generators by class name when it loads a model.
 */
public final class CharacterNGrams implements FeatureGenerator {

    static final int N = 4;

    /** Names these features in a stored model's digest (ModelFiles): change it whenever the features change. */
    static final String RECIPE = "char-" + N + "-grams-with-edges";

    public CharacterNGrams() {
        // OpenNLP instantiates feature generators reflectively
    }

    @Override
    public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>();
        for (String word : words) {
            String marked = "<" + word + ">";
            for (int i = 0; i + N <= marked.length(); i++) {
                features.add("c=" + marked.substring(i, i + N));
            }
        }
        return features;
    }
}
