package dateline.imports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic WordPress export of a chosen size for the import benchmark: a news site with authors, a
 * three-level tree of categories, tags, posts with bodies of a few kilobytes (block-editor and classic
 * content, captions, embeds, the odd emoji), most published and some drafts, and comments spread unevenly
 * over the posts (a few posts draw most of them), threaded, in every status. The same seed gives the same
 * file, byte for byte. Nothing is kept in memory but the current post and its comments.
 *
 * <pre>java -cp target/dateline.jar dateline.imports.WxrGenerator --posts 10000 --comments 100000 [--seed 1] FILE</pre>
 */
public final class WxrGenerator {
    private static final String USAGE = """
            Usage: wxr-generate [--posts N] [--comments M] [--seed S] FILE
            Writes a WordPress export (WXR 1.2) of N posts (default 1000) and M comments (default 10000) to FILE,
            the same file for the same seed (default 1).""";

    private static final Instant START = Instant.parse("2015-01-01T06:00:00Z");
    private static final String BASE = "https://generated.example";
    private static final DateTimeFormatter PATH_DATE =
            DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String[] WORDS = ("the council harbour market boats weather storm school road mayor vote"
            + " budget river bridge festival police hospital train station ferry fishermen quay library museum"
            + " park residents shops prices housing plans report meeting week year morning evening night summer"
            + " winter spring autumn town village coast hills farm water energy wind rain sun tide season crowd"
            + " team match club final goal record history anniversary volunteers charity donation appeal court"
            + " judge case trial company jobs workers strike union contract rent tourists visitors hotel cafe"
            + " restaurant bakery fire rescue crew lifeboat ambulance doctors nurses patients teachers pupils"
            + " parents children students exam results election candidate campaign poll turnout seat majority"
            + " a an and or but of in on at to for with from by about after before during under over near new"
            + " old first last next local national public private small large early late long short open closed"
            + " said says will would could should must may might has have had is are was were been being").split(" ");
    private static final String[] FIRST = {"Alice", "Bob", "Chloé", "David", "Émile", "Fatima", "George", "Hana",
            "Ivan", "Júlia", "Kwame", "Lena", "Mohammed", "Nora", "Oscar", "Priya", "Quentin", "Rosa", "Søren",
            "Tomás", "Uma", "Viktor", "Wen", "Xavier", "Yusuf", "Zoë", "李", "Олена", "Ng", "O'Brien"};
    private static final String[] LAST = {"Martin", "Okafor", "Dupont", "Smith", "Müller", "Haddad", "Rossi",
            "García", "Nowak", "Kowalski", "Tanaka", "Silva", "Jones", "Brown", "Nguyen", "Andersen", "Costa",
            "Ivanova", "Khan", "Murphy"};
    private static final String[] EMOJI = {"🎉", "🚤", "🌊", "⚽", "📷", "👍", "🤔", "❤️", "🇪🇺", "👩‍👩‍👧"};

    /** What to write. */
    public record Plan(int posts, int comments, long seed) {
        public Plan {
            if (posts < 0 || comments < 0) throw new IllegalArgumentException("counts cannot be negative");
            if (posts == 0 && comments > 0) throw new IllegalArgumentException("comments need at least one post");
        }
    }

    private final Plan plan;
    private final Random random;
    private final int authors;
    /** Each category's slug and name. */
    private final List<Wxr.TermRef> categories = new ArrayList<>();
    private final int tags;
    private long commentId = 1;

    private WxrGenerator(Plan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
        this.authors = Math.max(3, Math.min(40, plan.posts() / 250 + 3));
        this.tags = Math.max(10, Math.min(500, plan.posts() / 20));
    }

    public static void main(String[] args) {
        try {
            int posts = 1000;
            int comments = 10_000;
            long seed = 1;
            Path file = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--posts" -> posts = Integer.parseInt(value(args, ++i));
                    case "--comments" -> comments = Integer.parseInt(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> {
                        if (args[i].startsWith("-") || file != null) throw new IllegalArgumentException(USAGE);
                        file = Path.of(args[i]);
                    }
                }
            }
            if (file == null) throw new IllegalArgumentException(USAGE);
            Plan plan = new Plan(posts, comments, seed);
            long began = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                write(plan, out);
            }
            System.out.printf(Locale.ROOT, "wrote %d posts and %d comments (%.1f MB) to %s in %.1f s%n", posts,
                    comments, Files.size(file) / 1e6, file, (System.nanoTime() - began) / 1e9);
        } catch (IllegalArgumentException e) {
            System.err.println("wxr-generate: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("wxr-generate: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException("a value is missing after " + args[i - 1]);
        return args[i];
    }

    /** Writes the export the plan describes. */
    public static void write(Plan plan, OutputStream out) {
        new WxrGenerator(plan).writeAll(out);
    }

    private void writeAll(OutputStream out) {
        try (WxrWriter w = new WxrWriter(out, new Wxr.Site("Generated Gazette", BASE,
                "A synthetic news site of " + plan.posts() + " posts", "en-GB", BASE, BASE, "1.2"))) {
            for (int a = 1; a <= authors; a++) {
                String first = FIRST[(a - 1) % FIRST.length];
                String last = LAST[(a * 7) % LAST.length];
                w.author(new Wxr.Author(a, "author" + a, "author" + a + "@generated.example", first + " " + last,
                        first, last, "", 0));
            }
            long termId = 1;
            for (int top = 0; top < 5; top++) {
                Wxr.TermRef world = category(w, termId++, "section-" + top, "");
                for (int mid = 0; mid < 3; mid++) {
                    Wxr.TermRef region = category(w, termId++, world.slug() + "-" + mid, world.slug());
                    category(w, termId++, region.slug() + "-0", region.slug());
                }
            }
            for (int t = 0; t < tags; t++) {
                w.term(new Wxr.Term(termId++, "post_tag", "tag-" + t, tagName(t), "", "", 0));
            }
            int[] comments = spread();
            for (int p = 0; p < plan.posts(); p++) w.item(post(p, comments[p]));
        }
    }

    private Wxr.TermRef category(WxrWriter w, long id, String slug, String parent) {
        String name = capitalised(WORDS[(int) (id * 31 % WORDS.length)]) + " " + id;
        w.term(new Wxr.Term(id, "category", slug, name, parent, "", 0));
        Wxr.TermRef ref = new Wxr.TermRef("category", slug, name);
        categories.add(ref);
        return ref;
    }

    private static String tagName(int t) {
        return capitalised(WORDS[t * 17 % WORDS.length]) + " " + t;
    }

    /** How many comments each post gets: uneven, as on a real site, adding up to the plan's total. */
    private int[] spread() {
        int[] counts = new int[plan.posts()];
        for (int c = 0; c < plan.comments(); c++) {
            double r = random.nextDouble();
            counts[(int) (plan.posts() * r * r * r)]++;
        }
        return counts;
    }

    private Wxr.Item post(int index, int commentCount) {
        long id = 1000L + index;
        Instant published = START.plus(Duration.ofMinutes(37L * index + random.nextInt(30)));
        String title = capitalised(sentence(4 + random.nextInt(8)));
        if (random.nextInt(20) == 0) title += " " + EMOJI[random.nextInt(EMOJI.length)];
        String slug = slug(title) + "-" + id;
        int roll = random.nextInt(100);
        String status = roll < 90 ? "publish" : roll < 94 ? "draft" : roll < 96 ? "pending" : roll < 98 ? "private"
                : "future";
        Instant date = status.equals("draft") || status.equals("pending") ? null : published;
        List<Wxr.TermRef> terms = new ArrayList<>();
        terms.add(categories.get(random.nextInt(categories.size())));
        for (int t = random.nextInt(4); t > 0; t--) {
            int tag = (int) (tags * Math.pow(random.nextDouble(), 2));
            terms.add(new Wxr.TermRef("post_tag", "tag-" + tag, tagName(tag)));
        }
        List<Wxr.Comment> comments = new ArrayList<>(commentCount);
        Instant at = published.plus(Duration.ofMinutes(5));
        for (int c = 0; c < commentCount; c++) {
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(90)));
            long parent = comments.isEmpty() || random.nextInt(10) < 6 ? 0
                    : comments.get(comments.size() - 1 - random.nextInt(Math.min(comments.size(), 5))).id();
            comments.add(comment(at, parent));
        }
        String link = BASE + "/" + PATH_DATE.format(published) + "/" + slug + "/";
        return new Wxr.Item(id, title, link, BASE + "/?p=" + id, "author" + (1 + random.nextInt(authors)),
                body(), random.nextInt(3) == 0 ? capitalised(sentence(15)) + "." : "", date,
                published.plus(Duration.ofHours(random.nextInt(48))), status, "post", slug, 0, 0,
                random.nextInt(500) == 0, random.nextInt(10) == 0 ? "closed" : "open", "", "", terms,
                List.of(new Wxr.Meta("_edit_last", "1")), comments, 0);
    }

    private Wxr.Comment comment(Instant at, long parent) {
        int person = random.nextInt(5000);
        String name = FIRST[person % FIRST.length] + " " + LAST[(person / FIRST.length) % LAST.length];
        int roll = random.nextInt(100);
        String approved = roll < 85 ? "1" : roll < 92 ? "0" : roll < 98 ? "spam" : "trash";
        StringBuilder text = new StringBuilder(capitalised(sentence(6 + random.nextInt(30)))).append('.');
        if (random.nextInt(4) == 0) text.append("\n\n").append(capitalised(sentence(5 + random.nextInt(20)))).append('.');
        if (random.nextInt(15) == 0) text.append(' ').append(EMOJI[random.nextInt(EMOJI.length)]);
        return new Wxr.Comment(commentId++, name, "reader" + person + "@mail.example",
                random.nextInt(5) == 0 ? "https://reader" + person + ".example" : "",
                "192.0.2." + (person % 250 + 1), at, text.toString(), approved, "", parent, 0, List.of(), 0);
    }

    /** A body of a few kilobytes, in the block editor's format or the classic editor's. */
    private String body() {
        boolean blocks = random.nextInt(10) < 7;
        StringBuilder b = new StringBuilder();
        int paragraphs = 4 + random.nextInt(8);
        for (int p = 0; p < paragraphs; p++) {
            if (b.length() > 0) b.append("\n\n");
            String text = paragraph();
            if (random.nextInt(12) == 0) {
                String image = BASE + "/wp-content/uploads/2020/01/photo-" + random.nextInt(1000) + ".jpg";
                b.append(blocks
                        ? "<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"" + image + "\" alt=\"\"/>"
                        + "<figcaption>" + capitalised(sentence(6)) + "</figcaption></figure>\n<!-- /wp:image -->"
                        : "[caption width=\"640\"]<img src=\"" + image + "\" alt=\"\" width=\"640\" height=\"480\" /> "
                        + capitalised(sentence(6)) + "[/caption]");
            } else if (random.nextInt(30) == 0) {
                b.append("https://www.youtube.com/watch?v=").append(Long.toString(random.nextLong() >>> 4, 36));
            } else if (blocks) {
                b.append("<!-- wp:paragraph -->\n<p>").append(text).append("</p>\n<!-- /wp:paragraph -->");
            } else {
                b.append(text);
            }
        }
        return b.toString();
    }

    private String paragraph() {
        StringBuilder p = new StringBuilder();
        int sentences = 3 + random.nextInt(6);
        for (int s = 0; s < sentences; s++) {
            if (s > 0) p.append(' ');
            String sentence = capitalised(sentence(8 + random.nextInt(16)));
            if (random.nextInt(10) == 0) sentence = "<strong>" + sentence + "</strong>";
            p.append(sentence).append('.');
        }
        return p.toString();
    }

    private String sentence(int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) s.append(' ');
            s.append(word());
        }
        return s.toString();
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.length() > 60 ? s.substring(0, 60).replaceAll("-$", "") : s;
    }
}
