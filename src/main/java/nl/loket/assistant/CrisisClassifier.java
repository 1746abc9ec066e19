package nl.loket.assistant;

import nl.loket.contact.EscalationReason;
import nl.loket.platform.models.ModelFiles;
import nl.loket.platform.text.ResourceLines;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The second, independent way to recognise a crisis: a maximum-entropy document categorizer (OpenNLP) trained at
 * start-up on {@code assistant/crisis-training.txt}, labelled CRISIS or OTHER, with word, word-pair and character
 * n-gram features, so it generalises to wording and spelling that no list or concept holds. It only ever adds
 * alarms: triage escalates when the lists, the concepts or this classifier fires (when in doubt, urgent). Between
 * {@link #THRESHOLD} and {@link #STRONG_THRESHOLD} it fires only on a message holding at least one danger word of
 * the concepts (spelling-tolerant), because there it also scores anger, threats to "go to the newspaper" and long
 * lists of worries high; above the strong threshold it fires on its own.
 *
 * <p>The model is trained once per process and shared; a categorizer per thread, as OpenNLP's is not thread-safe.
 */
final class CrisisClassifier implements TriageRule {

    static final String TRAINING = "/assistant/crisis-training.txt";
    /** The spent evaluation sets' messages, labelled (docs/evaluation.md); trained on together with {@link #TRAINING}. */
    static final String SPENT_SETS_TRAINING = "/assistant/crisis-training-spent-sets.txt";
    static final String CRISIS = "CRISIS";
    static final String OTHER = "OTHER";

    /**
     * Probability of CRISIS at or above which the classifier fires on a message with a danger word. Chosen, like
     * {@link #STRONG_THRESHOLD}, by holding out one spent set at a time (TriageCrossValidation, docs/evaluation.md):
     * the model trains on the spent sets, so thresholds chosen on them (0.8 and 0.97 before) were too high for
     * messages it never saw. Over four held-out sets, 0.5 and 0.9 catch 705 of 720 crises instead of 689, for 26
     * false alarms in 2,352 other messages instead of 22.
     */
    static final double THRESHOLD = 0.5;

    /**
     * Probability at or above which the classifier fires even without a danger word: danger as a situation (a baby
     * alone in a car, a drink with something in it, "voorgoed verdwijnen") often has none.
     */
    static final double STRONG_THRESHOLD = 0.9;

    /** The labelled examples ({@code LABEL<TAB>text}) of both training files, read once for the model and {@link OrdinaryWords}. */
    static final class Examples {
        static final List<String> ALL = java.util.stream.Stream.concat(ResourceLines.read(TRAINING).stream(),
                ResourceLines.read(SPENT_SETS_TRAINING).stream()).toList();

        private Examples() {
        }
    }

    private static final class Model {
        static final DoccatModel INSTANCE = train(Examples.ALL);
    }

    private final ThreadLocal<DocumentCategorizerME> categorizer;
    private final double threshold;
    private final CrisisConcepts dangerWords;

    CrisisClassifier() {
        this(THRESHOLD, new CrisisConcepts());
    }

    /** @param dangerWords the concepts whose danger words a message must hold before the classifier may fire */
    CrisisClassifier(double threshold, CrisisConcepts dangerWords) {
        // trained here, at start-up, once per process: never while the first resident in crisis waits
        this(Model.INSTANCE, threshold, dangerWords);
    }

    /** With a model of its own: the cross-validation trains one per held-out set. */
    CrisisClassifier(DoccatModel model, double threshold, CrisisConcepts dangerWords) {
        Objects.requireNonNull(model);
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
        this.threshold = threshold;
        this.dangerWords = dangerWords;
    }

    @Override
    public Optional<TriageResult> match(String normalizedText) {
        if (normalizedText.isEmpty()) {
            return Optional.empty();
        }
        double p = crisisProbability(normalizedText);
        if (p >= Math.max(threshold, STRONG_THRESHOLD)) {
            return Optional.of(TriageResult.of(EscalationReason.CRISIS, "crisis-classifier: p >= " + STRONG_THRESHOLD));
        }
        return p >= threshold && dangerWords.hasDangerWord(normalizedText)
                ? Optional.of(TriageResult.of(EscalationReason.CRISIS, "crisis-classifier: p >= " + threshold))
                : Optional.empty();
    }

    /** P(CRISIS) for normalised text. */
    double crisisProbability(String normalizedText) {
        DocumentCategorizerME me = categorizer.get();
        double[] outcomes = me.categorize(normalizedText.split(" "));
        return outcomes[me.getIndex(CRISIS)];
    }

    /** L2 cost of the maximum-entropy fit: chosen on the development set (see docs/evaluation.md). */
    static final double L2_COST = 0.5;

    /** A stored model, or empty when it cannot be read back (then it is trained again). */
    static Optional<DoccatModel> read(byte[] bytes) {
        try {
            return Optional.of(new DoccatModel(new java.io.ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static DoccatModel train(List<String> lines) {
        return train(TRAINING, lines, java.util.Set.of(CRISIS, OTHER), L2_COST);
    }

    /**
     * A maximum-entropy model over {@code LABEL<TAB>text} lines with word, word-pair and character n-gram features, as
     * triage's classifiers use it; the text is normalised as triage normalises a message.
     */
    static DoccatModel train(String source, List<String> lines, java.util.Set<String> labels, double l2Cost) {
        List<DocumentSample> samples = new ArrayList<>();
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException(source + ": expected 'LABEL<TAB>text', got " + line);
            }
            String label = line.substring(0, tab).strip();
            if (!labels.contains(label)) {
                throw new IllegalStateException(source + ": label must be one of " + labels + ", got " + label);
            }
            String text = nl.loket.platform.text.TextNormalizer.forMatching(line.substring(tab + 1));
            if (!text.isEmpty()) {
                samples.add(new DocumentSample(label, text.split(" ")));
            }
        }
        // A process before this one may have trained the same model (ModelFiles: the build keeps them between JVMs).
        ModelFiles.Digest recipe = ModelFiles.digest("triage-classifier MAXENT_QN 200 1 " + l2Cost + " "
                + new java.util.TreeSet<>(labels) + " words+word-pairs+" + CharacterNGrams.RECIPE + " opennlp "
                + opennlp.tools.util.Version.currentVersion());
        samples.forEach(sample -> recipe.add(sample.getCategory()).add(String.join(" ", sample.getText())).endRecord());
        String digest = recipe.hex();
        Optional<DoccatModel> stored = ModelFiles.read(digest).flatMap(CrisisClassifier::read);
        if (stored.isPresent()) {
            return stored.get();
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, 200);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put("L1Cost", 0.0);
        params.put("L2Cost", l2Cost);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            FeatureGenerator[] features = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2),
                    new CharacterNGrams()};
            DoccatModel model = DocumentCategorizerME.train("mul", new CollectionObjectStream<>(samples), params,
                    new DoccatFactory(features));
            var bytes = new java.io.ByteArrayOutputStream();
            model.serialize(bytes);
            ModelFiles.write(digest, bytes.toByteArray());
            return model;
        } catch (opennlp.tools.util.InvalidFormatException e) {
            throw new IllegalStateException("cannot set up a triage classifier from " + source, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot train a triage classifier from " + source, e);
        }
    }
}
