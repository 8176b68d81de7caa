package dateline.moderation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Logistic regression over the presence of features: each feature has a weight, their sum (with a bias)
 * gives the log-odds that a comment is spam. Trained by stochastic gradient descent with a little L2
 * regularisation, in a fixed order for a given seed, so the same examples always give the same model; and
 * nudged by one example at a time as moderators decide.
 */
final class SpamLearning {
    static final String BIAS = "";
    private static final int EPOCHS = 30;
    private static final double RATE = 0.1;
    private static final double L2 = 1e-4;
    /** Steps taken at most on a single new decision: enough to move the model, not enough to forget the rest. */
    private static final int NUDGES = 3;
    /** A decision the model already agrees with this surely teaches it nothing more. */
    private static final double SURE = 0.9;

    /** A comment whose class is known: spam, or wanted. */
    record Example(Set<String> features, boolean spam) {}

    private SpamLearning() {}

    /** A model trained on these examples only. */
    static Map<String, Double> train(List<Example> examples, long seed) {
        Map<String, Double> weights = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) order.add(i);
        Random random = new Random(seed);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) step(weights, examples.get(i));
        }
        return weights;
    }

    /**
     * The weights of the example's features (and the bias) after a few steps towards its class, stopping
     * as soon as the model is sure of it, so that one decision does not outweigh everything learnt before.
     */
    static Map<String, Double> nudged(Map<String, Double> current, Example example) {
        Map<String, Double> weights = new HashMap<>(current);
        for (int i = 0; i < NUDGES && !isSure(weights, example); i++) step(weights, example);
        return weights;
    }

    private static boolean isSure(Map<String, Double> weights, Example example) {
        double p = probability(weights, example.features());
        return example.spam() ? p >= SURE : p <= 1 - SURE;
    }

    static double probability(Map<String, Double> weights, Collection<String> features) {
        double logOdds = weights.getOrDefault(BIAS, 0.0);
        for (String f : features) logOdds += weights.getOrDefault(f, 0.0);
        return 1 / (1 + Math.exp(-logOdds));
    }

    private static void step(Map<String, Double> weights, Example example) {
        double error = (example.spam() ? 1 : 0) - probability(weights, example.features());
        weights.merge(BIAS, RATE * error, Double::sum);
        for (String f : example.features()) {
            double w = weights.getOrDefault(f, 0.0);
            weights.put(f, w + RATE * (error - L2 * w));
        }
    }
}
