package dateline.moderation;

import dateline.comments.CommentRules;
import dateline.moderation.LabelledComments.Labelled;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Measures the spam classifier honestly: trains a fresh model on one labelled file only (no built-in
 * examples), then classifies every comment of another and prints what it catches (holds for a moderator or
 * sends to spam): precision, recall, the share of wanted comments caught, and how many went straight to the
 * spam folder; beside it, measured on the same comments, a baseline: WordPress's link rule alone (more than
 * two links wait). Files are CSV with the columns COMMENT_ID, AUTHOR, DATE, CONTENT and CLASS (1 spam, 0 not).
 * The last line printed is {@code precision=0.xxx recall=0.xxx}.
 */
public final class SpamEvaluation {
    private static final String USAGE = """
            Usage: spam-eval TRAIN.csv TEST.csv
                   spam-eval --hold-back-every N FILE.csv
            The first form trains on TRAIN.csv only and measures on TEST.csv. The second holds back every Nth
            comment of one file (the Nth, the 2Nth, ...) to measure on, and trains on the others.""";

    /** What a way of catching spam caught among the test comments. */
    record Tally(int caught, int missed, int wantedCaught, int wantedLeft) {
        static Tally of(List<Labelled> test, Predicate<Labelled> catches) {
            int caught = 0, missed = 0, wantedCaught = 0, wantedLeft = 0;
            for (Labelled l : test) {
                boolean c = catches.test(l);
                if (l.spam()) {
                    if (c) caught++;
                    else missed++;
                } else if (c) {
                    wantedCaught++;
                } else {
                    wantedLeft++;
                }
            }
            return new Tally(caught, missed, wantedCaught, wantedLeft);
        }

        double precision() {
            return caught + wantedCaught == 0 ? 1 : (double) caught / (caught + wantedCaught);
        }

        double recall() {
            return caught + missed == 0 ? 1 : (double) caught / (caught + missed);
        }

        double falsePositiveRate() {
            return wantedCaught + wantedLeft == 0 ? 0 : (double) wantedCaught / (wantedCaught + wantedLeft);
        }

        String figures() {
            return String.format(Locale.ROOT, "precision=%.3f recall=%.3f", precision(), recall());
        }
    }

    private SpamEvaluation() {}

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("spam-eval: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args, PrintStream out) throws IOException {
        List<Labelled> train;
        List<Labelled> test;
        String trainedOn;
        String testedOn;
        if (args.length == 3 && args[0].equals("--hold-back-every")) {
            int every = every(args[1]);
            List<Labelled> all = LabelledComments.read(Path.of(args[2]));
            train = new ArrayList<>();
            test = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) ((i + 1) % every == 0 ? test : train).add(all.get(i));
            trainedOn = args[2] + ", all but the comments held back";
            testedOn = args[2] + ", the comments at positions divisible by " + every;
        } else if (args.length == 2 && !args[0].startsWith("--")) {
            train = LabelledComments.read(Path.of(args[0]));
            test = LabelledComments.read(Path.of(args[1]));
            trainedOn = args[0];
            testedOn = args[1];
        } else {
            throw new IllegalArgumentException("expected two files, or --hold-back-every N and one file\n" + USAGE);
        }
        if (train.isEmpty() || test.isEmpty()) throw new IllegalArgumentException("nothing to train on or to test");

        long started = System.nanoTime();
        Map<String, Double> weights = SpamLearning.train(train.stream().map(Labelled::example).toList(), SpamClassifier.SEED);
        long trainedIn = (System.nanoTime() - started) / 1_000_000;
        Predicate<Labelled> held = l -> SpamLearning.probability(weights, l.example().features()) >= SpamClassifier.HOLD_AT;
        Predicate<Labelled> spamFolder = l -> SpamLearning.probability(weights, l.example().features()) >= SpamClassifier.SPAM_AT;
        Tally classifier = Tally.of(test, held);
        Tally folder = Tally.of(test, spamFolder);
        Tally baseline = Tally.of(test, l -> CommentRules.linkCount(l.content()) + CommentRules.linkCount(l.author()) > 2);

        out.printf(Locale.ROOT, "trained on %d comments (%d spam) from %s, in %d ms%n", train.size(),
                train.stream().filter(Labelled::spam).count(), trainedOn, trainedIn);
        out.printf(Locale.ROOT, "tested on %d comments (%d spam) from %s%n", test.size(),
                test.stream().filter(Labelled::spam).count(), testedOn);
        out.printf(Locale.ROOT, "baseline, the link rule alone (more than 2 links wait): %s, "
                + "wanted comments caught %d of %d%n", baseline.figures(), baseline.wantedCaught(),
                baseline.wantedCaught() + baseline.wantedLeft());
        out.printf(Locale.ROOT, "classifier, caught (held or sent to spam, probability >= %.2f): spam %d, "
                        + "missed %d; wanted comments caught %d of %d (false-positive rate %.3f)%n", SpamClassifier.HOLD_AT,
                classifier.caught(), classifier.missed(), classifier.wantedCaught(),
                classifier.wantedCaught() + classifier.wantedLeft(), classifier.falsePositiveRate());
        out.printf(Locale.ROOT, "classifier, straight to the spam folder (probability >= %.2f): spam %d, wanted %d%n",
                SpamClassifier.SPAM_AT, folder.caught(), folder.wantedCaught());
        out.printf(Locale.ROOT, "recall against the baseline: %s%n", baseline.recall() == 0 ? "baseline caught nothing"
                : String.format(Locale.ROOT, "%.1f×", classifier.recall() / baseline.recall()));
        out.println(classifier.figures());
    }

    private static int every(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 2) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("--hold-back-every takes a whole number from 2 up, not “" + text + "”");
    }
}
