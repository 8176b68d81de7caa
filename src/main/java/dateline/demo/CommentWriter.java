package dateline.demo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Invented reader comments for demonstration sites, benchmarks and screenshots: threads that read like the
 * comments under a real world-affairs and local news site, with agreement, civil disagreement, questions to
 * the reporter, corrections, personal experience, jokes and the odd link.
 *
 * <p>Commenters come from a fixed pool of about three hundred fictional readers (names from many cultures
 * and a few handles), with email addresses at example.org, example.com or example.net and, for about one in
 * five, a website at example.net. Some are regulars who turn up under many articles, and a reader who was
 * answered often answers back. Comments are built from sentence templates with slots ({@code {q}} for a few
 * words of the headline, {@code {place}}, {@code {section}}, {@code {first}} for the name of the reader being
 * answered and so on), so that each thread refers to its own article. Texts are typed the way readers type
 * them, with straight apostrophes; the only markup is {@code <em>} or {@code <b>} around a word and
 * {@code <blockquote>} as a paragraph of its own, and paragraphs are separated by a blank line. Links go to
 * example.org only.
 *
 * <p>The output depends only on the {@link SplittableRandom} given to the constructor and on the order of
 * calls: the same seed and the same calls give the same threads. An instance is not thread-safe.
 */
final class CommentWriter {
    /** One reader's comment; {@code parent} is the index in the thread's list of the comment it answers, or -1. */
    record CommentIdea(int parent, String name, String email, String website, String text, long minutesAfterPrevious) {}

    private static final int MAX_WORDS = 120;
    private static final int HOUR = 60, DAY = 24 * HOUR;

    private final SplittableRandom random;

    CommentWriter(SplittableRandom random) { this.random = Objects.requireNonNull(random, "random"); }

    /**
     * A whole thread for an article with this headline and section: {@code size} comments (0 allowed),
     * in the order they were posted, replies after what they answer, nesting at most {@code maxDepth}
     * levels (1 = no replies). The first comment's {@code minutesAfterPrevious} counts from publication.
     */
    List<CommentIdea> thread(String headline, String sectionName, int size, int maxDepth) {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(sectionName, "sectionName");
        if (size < 0) throw new IllegalArgumentException("size must not be negative: " + size);
        if (maxDepth < 1) throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        return new Conversation(headline, sectionName, size, maxDepth).write();
    }

    /** How many comments an article gets: most get none or a few, some a few dozen, rarely more (0..80). */
    int sizeOfThread() {
        int roll = random.nextInt(100); // 30% none, 32% 1-4, 20% 5-12, 13% 13-35, 5% 36-80
        return roll < 30 ? 0 : roll < 62 ? 1 + random.nextInt(4) : roll < 82 ? 5 + random.nextInt(8)
                : roll < 95 ? 13 + random.nextInt(23) : 36 + random.nextInt(45);
    }

    /** What a comment does; it decides the opening sentence and what may follow it. */
    private enum Kind { AGREE, DISAGREE, QUESTION, CORRECTION, EXPERIENCE, JOKE, THOUGHT, BRIEF,
        SECOND, PUSHBACK, ASK, SOURCE, CHEERS, ANSWER, SAME_QUESTION, THANKS, DOUBT, LAUGH }

    /** One thread: the article's words, and who has said what so far. */
    private final class Conversation {
        private final String headline, section;
        private final List<List<String>> phrases; // the headline's words, in the parts its punctuation separates
        private final List<String> words, keywords, sectionLines;
        private final String place;
        private final int size, maxDepth;
        private final int[] parents, depths;
        private final Reader[] readers;
        private final Kind[] kinds;
        private final String[] quotable;
        private final Set<String> used = new HashSet<>(); // templates used in this thread, for membership tests only
        private Reader answered; // the reader the comment being written answers, or null
        private boolean addressed; // whether it opens with "@Name"
        private boolean quoted; // whether it already quotes the headline with {q}, which one comment does at most once

        Conversation(String headline, String sectionName, int size, int maxDepth) {
            this.headline = clean(headline).strip();
            this.section = clean(sectionName).strip().toLowerCase(Locale.ROOT);
            this.phrases = headlinePhrases(headline);
            this.words = phrases.stream().flatMap(List::stream).toList();
            this.keywords = words.stream().filter(w -> w.length() >= 5 && w.chars().allMatch(Character::isLowerCase) && !STOP.contains(w)).toList();
            Matcher m = PLACE.matcher(headline);
            this.place = m.find() ? m.group(1) : null;
            this.sectionLines = sectionLines(sectionName);
            this.size = size;
            this.maxDepth = maxDepth;
            parents = new int[size];
            depths = new int[size];
            readers = new Reader[size];
            kinds = new Kind[size];
            quotable = new String[size];
        }

        List<CommentIdea> write() {
            long[] at = timeline();
            List<CommentIdea> comments = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int parent = parent(i);
                Kind kind = parent < 0 ? topKind() : replyKind(kinds[parent]);
                Reader reader = reader(i, parent, kind);
                parents[i] = parent;
                depths[i] = parent < 0 ? 1 : depths[parent] + 1;
                readers[i] = reader;
                kinds[i] = kind;
                String text = text(i, parent, kind, at[i] > 2 * DAY);
                comments.add(new CommentIdea(parent, reader.name(), reader.email(), reader.website(), text, i == 0 ? at[0] : at[i] - at[i - 1]));
            }
            return List.copyOf(comments);
        }

        /** Minutes after publication, in posting order: most within hours, a quarter later that day, a few days later. */
        private long[] timeline() {
            long[] at = new long[size];
            for (int i = 0; i < size; i++) {
                int roll = random.nextInt(100);
                at[i] = roll < 60 ? 3 + (long) Math.min(18 * HOUR, -110 * StrictMath.log(1 - random.nextDouble()))
                        : roll < 85 ? HOUR + random.nextInt(22 * HOUR) : roll < 96 ? DAY + random.nextInt(2 * DAY) : 3 * DAY + random.nextInt(9 * DAY);
            }
            Arrays.sort(at);
            for (int i = 1; i < size; i++) at[i] = Math.max(at[i], at[i - 1] + 1);
            return at;
        }

        /** About four comments in ten answer another, usually one of the last few; none deeper than maxDepth. */
        private int parent(int i) {
            if (i == 0 || maxDepth < 2 || random.nextInt(100) >= 43) return -1;
            int back = 0;
            while (back < i - 1 && random.nextInt(100) < 45) back++;
            int parent = i - 1 - back;
            while (depths[parent] >= maxDepth) parent = parents[parent];
            return parent;
        }

        private Kind topKind() {
            int roll = random.nextInt(100);
            return roll < 16 ? Kind.AGREE : roll < 31 ? Kind.DISAGREE : roll < 42 ? Kind.QUESTION : roll < 47 ? Kind.CORRECTION
                    : roll < 64 ? Kind.EXPERIENCE : roll < 72 ? Kind.JOKE : roll < 92 ? Kind.THOUGHT : Kind.BRIEF;
        }

        private Kind replyKind(Kind to) {
            int roll = random.nextInt(100);
            return switch (to) {
                case QUESTION, SAME_QUESTION -> roll < 65 ? Kind.ANSWER : roll < 85 ? Kind.SAME_QUESTION : Kind.THOUGHT;
                case CORRECTION -> roll < 75 ? Kind.THANKS : Kind.DOUBT;
                case JOKE -> roll < 65 ? Kind.LAUGH : roll < 85 ? Kind.JOKE : Kind.PUSHBACK;
                case ASK -> roll < 85 ? Kind.SOURCE : Kind.PUSHBACK;
                case SOURCE -> roll < 60 ? Kind.CHEERS : Kind.THOUGHT;
                case EXPERIENCE -> roll < 45 ? Kind.SECOND : roll < 65 ? Kind.PUSHBACK : roll < 95 ? Kind.THOUGHT : Kind.JOKE;
                case LAUGH -> roll < 40 ? Kind.LAUGH : roll < 70 ? Kind.JOKE : Kind.THOUGHT;
                case THANKS, BRIEF -> roll < 50 ? Kind.SECOND : Kind.THOUGHT;
                default -> roll < 35 ? Kind.SECOND : roll < 72 ? Kind.PUSHBACK : roll < 84 ? Kind.ASK : roll < 95 ? Kind.THOUGHT : Kind.JOKE;
            };
        }

        /** The reader who was answered often answers back; earlier commenters sometimes return; otherwise someone new. */
        private Reader reader(int i, int parent, Kind kind) {
            Reader avoid = parent < 0 ? null : readers[parent], previous = i == 0 ? null : readers[i - 1];
            if (parent >= 0 && parents[parent] >= 0) {
                Reader asked = readers[parents[parent]];
                if (asked != avoid && (kind == Kind.SOURCE || random.nextInt(100) < 30)) return asked; // asked for a source, the one asked replies
            }
            if (i >= 2 && random.nextInt(100) < 12) {
                Reader earlier = readers[random.nextInt(i)];
                if (earlier != avoid && earlier != previous) return earlier;
            }
            while (true) {
                Reader reader = random.nextInt(100) < 40 ? pick(REGULARS) : pick(READERS);
                if (reader != avoid && reader != previous) return reader;
            }
        }

        private String text(int i, int parent, Kind kind, boolean late) {
            answered = parent < 0 ? null : readers[parent];
            boolean quoteParent = parent >= 0 && quotable[parent] != null && (kind == Kind.SECOND || kind == Kind.PUSHBACK || kind == Kind.ASK) && random.nextInt(9) == 0;
            boolean quoteHeadline = parent < 0 && !headline.isEmpty() && (kind == Kind.AGREE || kind == Kind.DISAGREE || kind == Kind.THOUGHT) && random.nextInt(14) == 0;
            addressed = parent >= 0 && !quoteParent && random.nextInt(100) < 30;
            quoted = quoteHeadline;

            List<String> first = new ArrayList<>(), second = new ArrayList<>();
            boolean returning = Arrays.asList(readers).subList(0, i).contains(readers[i]);
            if (late && !returning && random.nextInt(100) < 35) say(first, false, List.of(parent < 0 ? LATE : LATE_REPLY));
            boolean local = !sectionLines.isEmpty() && random.nextInt(100) < 30;
            switch (kind) {
                case EXPERIENCE -> say(first, true, List.of(local ? sectionLines : EXPERIENCE, EXPERIENCE));
                case THOUGHT -> say(first, true, List.of(local ? sectionLines : THOUGHT, THOUGHT, sectionLines));
                default -> say(first, true, List.of(opening(kind)));
            }
            int roll = random.nextInt(100), extras = roll < 25 ? 0 : roll < 70 ? 1 : roll < 89 ? 2 : roll < 98 ? 3 : 4 + random.nextInt(2);
            if (kind == Kind.BRIEF || kind == Kind.LAUGH || kind == Kind.SAME_QUESTION) extras = roll < 80 ? 0 : 1;
            if (kind == Kind.JOKE || kind == Kind.ASK || kind == Kind.SOURCE) extras = roll < 70 ? 0 : 1;
            if (kind == Kind.THANKS || kind == Kind.CHEERS) extras = 0;
            for (int e = 0; e < extras; e++) say(first, false, more(kind));
            if (extras >= 4 || extras >= 2 && random.nextInt(100) < 30) { // a second paragraph: the last sentences, and one more
                for (int moved = 0; moved < Math.max(1, extras / 2) && first.size() > 1; moved++) second.add(0, first.remove(first.size() - 1));
                say(second, false, List.of(sectionLines, THOUGHT));
            }
            quotable[i] = first.stream().filter(s -> countWords(s) >= 4 && countWords(s) <= 30 && s.indexOf('"') < 0 && !s.contains("http")
                    && !LATE.contains(s) && !LATE_REPLY.contains(s)).findFirst().orElse(null);
            if (random.nextInt(15) == 0 && !String.join(" ", first).contains("https://")) say(second.isEmpty() ? first : second, false, List.of(LINKS));

            String opening = quoteParent ? "<blockquote>" + quotable[parent] + "</blockquote>" : quoteHeadline ? "<blockquote>" + headline + "</blockquote>" : null;
            List<String> blocks = blocks(opening, first, second);
            while (countWords(String.join(" ", blocks)) > MAX_WORDS && first.size() + second.size() > 1) {
                (second.isEmpty() ? first : second).remove((second.isEmpty() ? first : second).size() - 1);
                blocks = blocks(opening, first, second);
            }
            if (random.nextInt(10) == 0) emphasise(blocks);
            return String.join("\n\n", blocks);
        }

        private List<String> blocks(String opening, List<String> first, List<String> second) {
            List<String> blocks = new ArrayList<>();
            if (opening != null) blocks.add(opening);
            blocks.add((addressed ? "@" + answered.name() + " " : "") + String.join(" ", first));
            if (!second.isEmpty()) blocks.add(String.join(" ", second));
            return blocks;
        }

        private List<String> opening(Kind kind) {
            return switch (kind) {
                case AGREE -> AGREE; case DISAGREE -> DISAGREE; case QUESTION -> QUESTION; case CORRECTION -> CORRECTION; case JOKE -> JOKE;
                case BRIEF -> BRIEF; case SECOND -> SECOND; case PUSHBACK -> PUSHBACK; case ASK -> ASK; case SOURCE -> SOURCE; case ANSWER -> ANSWER;
                case CHEERS -> CHEERS; case SAME_QUESTION -> SAME_QUESTION; case THANKS -> THANKS; case DOUBT -> DOUBT; case LAUGH -> LAUGH;
                case EXPERIENCE -> EXPERIENCE; case THOUGHT -> THOUGHT;
            };
        }

        /** Where the sentences after the opening come from, best first. */
        private List<List<String>> more(Kind kind) {
            return switch (kind) {
                case DISAGREE, PUSHBACK, DOUBT -> List.of(ARGUE, THOUGHT);
                case CORRECTION -> List.of(CORRECTION_MORE);
                case EXPERIENCE -> List.of(EXPERIENCE_MORE, sectionLines, THOUGHT);
                case SECOND -> List.of(random.nextBoolean() ? EXPERIENCE_MORE : THOUGHT, THOUGHT);
                case JOKE, LAUGH -> List.of(THOUGHT);
                default -> List.of(random.nextInt(3) == 0 ? sectionLines : THOUGHT, THOUGHT);
            };
        }

        /** Puts {@code <em>} or {@code <b>} round one word that a reader would stress, if there is one. */
        private void emphasise(List<String> blocks) {
            List<int[]> candidates = new ArrayList<>(); // block, token
            for (int b = 0; b < blocks.size(); b++) {
                if (blocks.get(b).startsWith("<")) continue;
                String[] tokens = blocks.get(b).split(" ", -1);
                boolean quoting = false; // never inside words quoted from the headline
                for (int t = 0; t < tokens.length; t++) {
                    if (tokens[t].indexOf('"') >= 0) quoting = tokens[t].chars().filter(c -> c == '"').count() % 2 == 1 != quoting;
                    else if (!quoting && EMPHATIC.contains(lower(tokens[t].replaceAll("[.,;:?!]+$", "")))) candidates.add(new int[] {b, t});
                }
            }
            if (candidates.isEmpty()) return;
            int[] at = pick(candidates);
            String[] tokens = blocks.get(at[0]).split(" ", -1);
            String tag = random.nextInt(3) == 0 ? "b" : "em", word = tokens[at[1]].replaceAll("[.,;:?!]+$", "");
            tokens[at[1]] = "<" + tag + ">" + word + "</" + tag + ">" + tokens[at[1]].substring(word.length());
            blocks.set(at[0], String.join(" ", tokens));
        }

        /**
         * Adds a sentence from the first pool with an unused template whose slots can be filled. An opening
         * ({@code needed}) falls back to repeating a template; anything else is left out instead.
         */
        private void say(List<String> out, boolean needed, List<List<String>> pools) {
            for (List<String> pool : pools) {
                List<String> open = pool.stream().filter(t -> !used.contains(t) && fits(t)).toList();
                if (!open.isEmpty()) {
                    String template = pick(open);
                    used.add(template);
                    out.add(fill(template));
                    return;
                }
            }
            for (int p = 0; needed && p < pools.size(); p++) {
                List<String> fitting = pools.get(p).stream().filter(this::fits).toList();
                if (!fitting.isEmpty()) {
                    out.add(fill(pick(fitting)));
                    return;
                }
            }
        }

        private boolean fits(String template) {
            Matcher m = SLOT.matcher(template);
            while (m.find()) {
                boolean ok = switch (m.group(1)) {
                    case "q" -> !words.isEmpty() && !quoted; case "word" -> !keywords.isEmpty(); case "place" -> place != null;
                    case "section" -> !section.isEmpty(); case "first" -> answered != null && !addressed;
                    default -> true;
                };
                if (!ok) return false;
            }
            return true;
        }

        private String fill(String template) {
            Matcher m = SLOT.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
            return m.appendTail(out).toString();
        }

        private String value(String slot) {
            return switch (slot) {
                case "q" -> { quoted = true; yield fragment(); } case "word" -> pick(keywords); case "place" -> place; case "section" -> section;
                case "first" -> answered.name().split(" ")[0];
                case "n" -> NUMBER_WORDS.get(2 + random.nextInt(NUMBER_WORDS.size() - 2));
                case "year" -> String.valueOf(1988 + random.nextInt(33));
                case "link" -> {
                    String path = pick(LINK_PATHS).replace("{year}", String.valueOf(2008 + random.nextInt(15)));
                    String slug = words.isEmpty() ? "" : ascii(fragment().replace(' ', '-'), "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
                    yield "https://example.org/" + path + (slug.isEmpty() ? "our-coverage" : slug);
                }
                default -> throw new IllegalArgumentException("unknown slot {" + slot + "}");
            };
        }

        /** A few consecutive words from one part of the headline, not ending on a little word such as "of" or "the". */
        private String fragment() {
            int at = random.nextInt(words.size());
            List<String> phrase = phrases.get(0);
            for (int p = 0; at >= phrase.size(); phrase = phrases.get(++p)) at -= phrase.size();
            if (phrase.size() <= 5) return String.join(" ", phrase);
            int start = random.nextInt(phrase.size() - 2), end = Math.min(phrase.size(), start + 3 + random.nextInt(3));
            while (start < end - 2 && LITTLE.contains(lower(phrase.get(start))) && !ARTICLES.contains(lower(phrase.get(start)))) start++;
            while (end < phrase.size() && (end - start < 3 || LITTLE.contains(lower(phrase.get(end - 1))) || capital(phrase.get(end - 1)) && capital(phrase.get(end)))) end++;
            while (end - start > 2 && LITTLE.contains(lower(phrase.get(end - 1)))) end--;
            return String.join(" ", phrase.subList(start, end));
        }
    }

    private <T> T pick(List<T> list) { return list.get(random.nextInt(list.size())); }
    private static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
    private static boolean capital(String word) { return Character.isUpperCase(word.codePointAt(0)); }

    /**
     * The headline's words as they stand, without surrounding punctuation ("&" becomes "and", typographic
     * apostrophes plain ones), grouped into the parts that colons, commas, dashes and quotation marks separate.
     */
    private static List<List<String>> headlinePhrases(String headline) {
        List<List<String>> phrases = new ArrayList<>();
        for (String part : clean(headline).split("[:;,?!‘“”—–]|’(?!\\p{L})|\\s-\\s")) {
            List<String> words = new ArrayList<>();
            for (String token : part.replace('’', '\'').split("\\s+")) {
                String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}%]+$", "");
                if (!word.isEmpty()) words.add(word);
            }
            if (!words.isEmpty()) phrases.add(List.copyOf(words));
        }
        return List.copyOf(phrases);
    }

    /** Text from outside that goes into a comment: nothing that could be read as markup. */
    private static String clean(String s) { return s.replace("&", " and ").replaceAll("[<>\"{}]", "").replaceAll("\\s+", " "); }

    /** Words as a reader would count them: runs of characters between spaces that hold a letter or a digit. */
    static int countWords(String text) {
        return (int) Arrays.stream(text.split("\\s+")).filter(w -> w.chars().anyMatch(Character::isLetterOrDigit)).count();
    }

    /** Lower-case ASCII letters and digits (and {@code keep}, a hyphen or underscore, if given), for email addresses and paths. */
    private static String ascii(String s, String keep) {
        String t = s.toLowerCase(Locale.ROOT).replace("ı", "i").replace("ø", "o").replace("ł", "l").replace("đ", "d");
        return Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^a-z0-9" + keep + "]", "");
    }

    private static List<String> sectionLines(String section) {
        return switch (section) {
            case "World" -> WORLD_LINES; case "Politics" -> POLITICS_LINES; case "Business" -> BUSINESS_LINES; case "Science" -> SCIENCE_LINES;
            case "Climate" -> CLIMATE_LINES; case "Culture" -> CULTURE_LINES; case "Local" -> LOCAL_LINES;
            default -> List.of();
        };
    }

    // Readers. Names are "|"-separated display names; handles are readers who comment under a nickname.

    private record Reader(String name, String email, String website) {}

    private static final List<String> PEOPLE = List.of(
            "Hannah Ashcombe|Callum|Megan W.|Rupert Fairley|Gareth Pryce|Fiona|Declan O'Connor|Isla Mackenzie|Simon Tate|Rosalind Hale|Owen|Harriet Blakeney|Graham Lowther|Claire Dunmore|Tom Hargreaves|Bridget Keane|Moira|Jack Pemberton|Niamh Gallagher|Ewan",
            "Camille Roux|Benoît|Élodie Marchetti|Rémi L.|Nadège Faure|Yannick Perrault|Solène|Lucien Moreau|Agathe B.|Théo Garnaud|Sandrine|Mathis Fontenay|Clémence Aubert|Hugo D.",
            "Katrin Vogt|Jonas|Friederike Albers|Tobias K.|Wiebke Hansen|Matthias Pohlmann|Anja|Florian Zeller-Brandt|Leonie Brandis|Jannik|Sanne de Vries|Pieter Janssen|Maartje|Bram Visscher",
            "Ingrid Sandvold|Erik|Linnea Berg|Magnus Aasland|Astrid N.|Henrik Lunde|Tuva|Jens Eriksen|Sigrid Holm|Anders|Karin Nyberg|Pekka Virtanen|Aino|Mikko L.|Freya Lindholm",
            "Olena Savchenko|Taras|Kateryna Bondarenko|Piotr Nowicki|Agnieszka W.|Tomasz Pawlik|Marta|Bohdan Melnychuk|Zofia Krawczyk|Andriy|Iryna Tkachenko|Dragan Petrović|Jelena|Milan Horvat|Ivana K.|Rasa Kazlauskienė|Katarzyna Zielińska",
            "Lucía Salgado|Mateo|Valentina Ibáñez|Joaquín R.|Camila Restrepo|Andrés Montalvo|Ximena|Rodrigo Cárdenas|Paula Echeverri|Hernán|Rocío Villanueva|Tomás Quispe|Daniela M.|Emiliano Ortiz|Marisol Vega|Sebastián Duarte",
            "Beatriz Nogueira|João|Mariana Tavares|Thiago Moura|Joana F.|Gonçalo Azevedo|Renata|Vinícius Barros|Helena Carvalhal|Duarte|Luíza Figueira|Caio Santana",
            "Chiara Rinaldi|Lorenzo|Giulia Marchesi|Davide B.|Francesca Galli|Tommaso Santoro|Ilaria|Paolo Ferri|Serena Lombardo|Eleni Papadaki|Nikos|Dimitris Georgiou|Sofia K.",
            "Elif Kaya|Emre|Zeynep Arslan|Burak Ö.|Deniz|Kerem Aydın|Selin Korkmaz|Tolga|Shirin Rahimi|Dariush|Parisa M.|Kaveh Tehrani",
            "Nour Haddad|Karim|Layla Mansour|Omar S.|Rania Khoury|Tarek|Yasmin Nasser|Youssef Darwish|Hala|Samir Qasim|Dina F.|Khaled|Mariam Aziz",
            "Wanjiru Mwangi|Juma|Akinyi Ochieng|Baraka K.|Zawadi|Otieno|Njeri Kariuki|Amani Mbwana|Nekesa W.|Musa Hassan|Tigist Alemu|Dawit|Halima Yusuf|Abdi",
            "Adaeze Okafor|Kofi|Ngozi Nwosu|Kwabena Asante|Efua|Tunde Adebayo|Folake O.|Emeka|Abena Mensah|Segun|Aminata Diallo|Moussa Ndiaye|Fatou|Ibrahim Sow|Kwame Ofori",
            "Thandiwe Nkosi|Sipho|Lerato Mokoena|Mandla K.|Naledi|Bongani Dlamini|Zanele Khumalo|Themba|Palesa M.|Kagiso Molefe|Tendai Moyo|Rutendo",
            "Priya Raghavan|Arjun|Farah Siddiqui|Rohan M.|Meera Iyer|Imran|Nusrat Rahman|Vikram Malhotra|Kavya|Sanjay Banerjee|Ayesha Q.|Kabir|Nimal Perera|Dilani|Bishnu Thapa|Anjali S.|Harpreet Kaur",
            "Putri Santoso|Budi|Dewi Kusuma|Rizky P.|Ayu|Bayu Nugroho|Liza Mendoza|Paolo Reyes|Lan Nguyen|Minh Tran|Thanh|Siti Aminah|Farid Hamzah|Kanya S.",
            "Haruka Takahashi|Kenji|Akiko Fujita|Daisuke O.|Yui|Ryo Nakamura|Mariko|Ji-woo Kim|Min-jun|Seo-yeon Park|Hyun-woo C.|Wei Zhang|Lin Yue|Mei Chen|Jun Hao|Xiaoyu|Takumi Sato",
            "Aroha Ngata|Hemi Walker|Kalani|Leilani K.|Marcus Webber|Keisha Brown|Darnell|Jasmine Ortega|Brianna T.|Tyler Reed|Dana W.|Ruth Abrams|Eli Rosen|Miriam|Colm");
    private static final String HANDLES = "harbourwatcher|NightShiftNurse|oldtownresident|retired_teacher|tramline_tom|grumpy_commuter|CoastalKate|quietreader|factsfirst|allotment_annie"
            + "|eastsidedad|ferryman62|longtimelurker|midwife_mo|SecondOpinion|bus_route_14|rivermouth|dry_stone_wall|KettleOn|marketday|nightowl_reader|ThirdGenFarmer"
            + "|sceptical_sam|civilservant_ret|LibraryCardHolder|northbank_neighbour|cartographer_j|windowseat|OneMoreCoffee|uni_quarter_tenant|slowreader|plainspoken"
            + "|portcitygirl|commuter_belt|SaltMarsh|oldhand_ed|copyeditor_emeritus|bikelane_betty|weathervane|ThursdayMarket|ballot_counter|tidewater"
            + "|the_cautious_optimist|sunday_crossword|GreenhouseGus|lamplighter|dockside|KioskKeeper|two_buses_late|night_tram";
    private static final List<String> DOMAINS = List.of("example.org", "example.com", "example.net");
    private static final List<Reader> READERS = readers();
    /** Every sixth reader comments often, as a site's regulars do. */
    private static final List<Reader> REGULARS = IntStream.range(0, READERS.size()).filter(i -> i % 6 == 1).mapToObj(READERS::get).toList();

    /** The pool, the same on every run: emails and websites follow from each name and its place in the list. */
    private static List<Reader> readers() {
        List<Reader> readers = new ArrayList<>();
        Set<String> taken = new HashSet<>(); // membership tests only
        List<String> people = PEOPLE.stream().flatMap(group -> Arrays.stream(group.split("\\|"))).toList();
        List<String> handles = List.of(HANDLES.split("\\|"));
        for (int i = 0; i < people.size() + handles.size(); i++) {
            String name, local, site;
            if (i < people.size()) {
                name = people.get(i);
                String[] parts = name.split(" ", 2);
                String given = ascii(parts[0], ""), rest = parts.length > 1 ? ascii(parts[1], "") : "";
                local = rest.isEmpty() ? given + (10 + i * 37 % 90) : i % 4 == 0 && rest.length() > 2 ? given.charAt(0) + rest : given + "." + rest;
                site = i % 5 == 2 ? "https://example.net/~" + given + rest : "";
            } else {
                name = handles.get(i - people.size());
                local = ascii(name, "_");
                site = i % 3 == 0 ? "https://example.net/~" + local.replace("_", "") : "";
            }
            String email = local + "@" + DOMAINS.get(i % DOMAINS.size());
            if (!taken.add(name) || !taken.add(email)) throw new IllegalStateException("two readers share " + name + " or " + email);
            readers.add(new Reader(name, email, site));
        }
        return List.copyOf(readers);
    }

    // Data. Slots in braces are filled per sentence: {q} a few words of the headline, {word} one of its words, {place} a place it names,
    // {section} the section's name, {first} the answered reader's first name, {n} a small number in words, {year} a year, {link} an example.org address.

    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)\\}");
    private static final List<String> NUMBER_WORDS = List.of("zero one two three four five six seven eight nine ten".split(" "));
    private static final Set<String> STOP = Set.of("about", "after", "again", "against", "amid", "among", "before", "being", "below", "could", "despite", "during",
            "every", "first", "further", "their", "there", "these", "those", "under", "until", "which", "while", "would", "still", "since", "where", "without");
    private static final Set<String> LITTLE = Set.of("a", "an", "the", "of", "in", "on", "to", "as", "at", "by", "for", "from", "with", "and", "or", "after", "over", "its", "is", "says",
            "despite", "amid", "than", "into", "about", "against", "without", "under", "through", "while", "near", "but", "not", "will", "would", "has", "have", "are", "was", "be", "new");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");
    private static final Set<String> EMPHATIC = Set.of("not", "never", "actually", "every", "still", "really", "always", "only", "exactly", "nobody", "half", "years", "real");
    private static final Pattern PLACE = Pattern.compile("\\b(" + String.join("|", ("Dar es Salaam|Cape Town|South Africa|New Delhi|Mexico City|Buenos Aires|São Paulo|New Zealand|South Korea|Addis Ababa|La Paz"
            + "|Kyiv|Ukraine|Warsaw|Poland|Berlin|Hamburg|Germany|Paris|France|Brussels|Belgium|Oslo|Norway|Stockholm|Sweden|Copenhagen|Denmark|London|Manchester|Britain"
            + "|Dublin|Ireland|Madrid|Spain|Lisbon|Portugal|Rome|Milan|Italy|Istanbul|Turkey|Cairo|Egypt|Amman|Jordan|Beirut|Lebanon|Rabat|Morocco|Nairobi|Mombasa|Kenya"
            + "|Tanzania|Lagos|Nigeria|Accra|Ghana|Dakar|Senegal|Johannesburg|Mumbai|India|Dhaka|Bangladesh|Karachi|Pakistan|Jakarta|Indonesia|Tokyo|Japan|Seoul"
            + "|Sydney|Australia|Auckland|Toronto|Canada|Mexico|Bogotá|Colombia|Lima|Peru|Santiago|Chile|Argentina|Brazil|Athens|Greece|Vienna|Austria|Prague|Budapest"
            + "|Bucharest|Manila|Bangkok|Hanoi|Kampala|Kigali|Tunis|Tbilisi|Yerevan|Taipei|Singapore|Ottawa|Montevideo|Quito|Europe|Africa|Asia").split("\\|")) + ")\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<String> LINK_PATHS = List.of("reports/", "archive/{year}/", "documents/", "data/", "letters/", "explainers/");

    private static final List<String> AGREE = List.of("Thank you for reporting this properly. Most places gave it a single line.", "This is the kind of reporting I pay my subscription for.",
            "Glad the {section} desk is staying with this story after everyone else moved on.", "Glad the headline says \"{q}\" plainly instead of dressing it up.",
            "Spot on. Anyone who has spent time in {place} could have told you this was coming.", "Clear, calm and fair. Both sides made their case and neither got an easy ride.",
            "This matches what I've been hearing from friends in {place}.", "Really useful background. I hadn't realised how long this has been going on.",
            "Finally, a piece that explains the why and not just the what.", "I'll be sending this to my representative, for whatever good it does.",
            "Good to see the people affected quoted at length, not just the officials.", "Excellent piece. The part about \"{q}\" deserves far more attention than it's getting.",
            "I agree with almost every word of this.", "Well reported, and refreshingly free of spin.");
    private static final List<String> DISAGREE = List.of("I think this piece is far too generous to the people in charge.", "With respect, I'd question the \"{q}\" part of the headline. It's one reading of events, not the only one.",
            "Plenty of critics quoted here and hardly anyone who supports the plan. That isn't balance.", "I've read this twice and I still don't see the evidence for the headline.",
            "Not convinced. We were told almost exactly the same thing in {year}.", "This misses the point. The problem was never the money; it was the planning.",
            "People in {place} are nowhere near as divided as this article suggests.", "The word \"{word}\" is doing an awful lot of work in that headline.",
            "Honestly, parts of this read like a press release with a few quotes added.", "Come on. Anyone paying attention knows this was decided months ago.",
            "Disappointing, for once. The numbers deserved much more scrutiny than they got.", "The voices here are the usual ones. Talk to someone who actually has to live with the result.",
            "I usually like the {section} coverage, but this one felt rushed.", "Why does every story about {place} have to be framed as a crisis?");
    private static final List<String> ARGUE = List.of("The figures in the piece itself point the other way.", "Look at what happened the last time this was tried.",
            "Nobody is saying it's easy, only that it's overdue.", "I'm happy to be proven wrong, but I'll want to see results, not promises.",
            "Every delay has a cost, and it's never the decision-makers who pay it.", "Repeating a claim often enough doesn't make it true.", "There's a difference between being careful and being stuck.",
            "If the plan is as good as they say, why won't they publish the details?", "It's the same argument we had {n} years ago, with new names attached.",
            "I'd feel differently if anyone had asked the people who live there.", "Blaming the other side is not a policy.", "The people who warned about this were called alarmists at the time.");
    private static final List<String> QUESTION = List.of("Question for the reporter: where does the main figure in this piece come from?",
            "Could you say more about who is actually paying for this? The article doesn't make it clear.", "Will there be a follow-up once the details are published?",
            "Genuine question: what happens if nobody meets the deadline?", "Is there a timeline anywhere? I've lost track of what was decided when.",
            "When the headline says \"{q}\", does that mean the new proposal or the old one?", "Did the other side respond? I couldn't find their view anywhere in the piece.",
            "Does anyone know whether people in {place} have been told anything officially yet?", "Why is this only coming out now? Surely someone knew earlier.",
            "Honest question, not trying to start an argument: who actually decided this, and when?", "Is there a way for readers to send in their own experiences? I suspect plenty of us have stories.",
            "Can someone explain what \"{word}\" means in this context? I feel like I've missed an earlier chapter.", "How does this compare with what neighbouring countries have done?");
    private static final List<String> SAME_QUESTION = List.of("I was wondering exactly the same thing.", "Same question here. The piece is oddly quiet on it.",
            "Seconding this. It's the one thing I wanted to know.", "Good question, and I'd add another: who checks that it actually happens?");
    private static final List<String> CORRECTION = List.of("Small correction: the caption under the second photo has the wrong date.",
            "Minor point, but I believe the meeting was on the Wednesday, not the Tuesday. I was there.", "Typo in the fourth paragraph: \"there\" should be \"their\".",
            "The map puts the old bridge on the wrong side of the river. Easy mistake, but locals will notice.", "I think the figure near the top is out of date. Revised numbers came out last week.",
            "For accuracy: this decision sits with the regional authority, not the national government.", "Small thing, but the organisation's name is spelled two different ways in the article.",
            "One correction: the vote wasn't unanimous. Two members abstained.", "The article says {year}, but I'm fairly sure it was the year after. Worth checking.",
            "Not to nitpick, but I think the quote in the sixth paragraph is attributed to the wrong person.");
    private static final List<String> CORRECTION_MORE = List.of("Otherwise a really useful piece.", "Not a big deal, but it's the kind of thing people use to dismiss a whole story.",
            "Thanks otherwise for covering this.", "Happy to be corrected myself if I've got it wrong.");
    private static final List<String> EXPERIENCE = List.of("I live near the port and the lorry traffic has doubled since spring. Nobody asked us.",
            "I grew up in {place}, and people there have been asking for this for as long as I can remember.", "My mother worked in this field for thirty years. She says the same promises were made in her day.",
            "I'm a nurse, and this is exactly what we see on the ward every week.", "We left {place} {n} years ago, and from what my family tells me, not much has changed.",
            "As a small business owner, I can tell you the paperwork alone eats a day a month.", "I was at the public meeting last month. The hall was full and almost nobody spoke in favour.",
            "My daughter teaches in {place} and says the mood is far more anxious than officials admit.", "I worked on something similar years ago. The hard part is never the announcement; it's the upkeep.",
            "Our street has had three letters about this, and no two of them say the same thing.", "I commute through the area every day, and the disruption is real, whatever the official line.",
            "My grandparents lived through something very like this in {year}. The parallels are uncomfortable.", "I used to work for a regional council. Decisions like this usually come down to a single budget line.",
            "I drive a taxi, so I hear both sides of this all day. Mostly people are just tired.", "I volunteer at a food bank, and we felt the effects of this long before it made the news.",
            "I spent a month in {place} last year. The people I met were far more practical about all this than the politicians.");
    private static final List<String> EXPERIENCE_MORE = List.of("Nobody from the authorities has ever knocked on our door to ask.", "To be fair, things have got a little better this year.",
            "I don't want to exaggerate, but it has changed how we live.", "Most of my neighbours feel the same, whichever way they vote.",
            "We'll manage, we always do, but it shouldn't have to be this hard.", "It's one thing to read about it and another to live next to it.",
            "My kids have never known it any other way, which says a lot.", "I've written to the relevant office twice and had one automated reply.");
    private static final List<String> JOKE = List.of("At this rate my grandchildren will be reading the same headline.", "I'll believe it when the number 14 bus runs on time.",
            "Somewhere a committee is forming a committee to look into this.", "Breaking news: officials promise to decide things, eventually.",
            "I'd comment properly, but I'm still waiting for the last consultation to finish.", "Can't wait for the sequel: \"{q}\", part two.",
            "My cat has a clearer plan than this, and she sleeps eighteen hours a day.", "Reading this on the train, which is, naturally, delayed.", "Put it in the museum next to the last three plans.",
            "Good to see the annual tradition of announcing it again is alive and well.", "I'm framing this headline and hanging it next to the one from {year}.", "My horoscope was more specific than this plan.");
    private static final List<String> THOUGHT = List.of("The real test is whether anyone is still paying attention in six months.", "Both sides have a point, which is probably why nothing gets done.",
            "What worries me is how little ordinary people were consulted.", "There's a lot of noise around this, so it's good to have the facts in one place.",
            "I'd like to see the full report before making up my mind.", "The numbers look better on paper than they will on the ground.",
            "It would help if the people making these decisions had to live with them.", "None of this happens in a vacuum, and the article is right to mention the history.",
            "It's not a simple story, and I appreciate that it wasn't told as one.", "We keep having this argument and never the one about what comes after.",
            "Money is only half of it. Trust is the other half, and that's in short supply.", "Let's see what the courts make of it.", "I'd love a follow-up a year from now to see what actually changed.",
            "Whatever happens, the people in {place} deserve a straight answer.", "Whatever happens, it's going to cost more than anyone is admitting.",
            "I've changed my mind on this twice already, and I doubt I'm the only one.", "Good to read something in the {section} section that isn't a reaction to a reaction.",
            "The headline undersells it. The \"{q}\" part is the least of it.", "The timetable is the part everyone will be arguing about by next week.", "If nothing else, this shows why local reporting matters.",
            "Hard to know who to believe, honestly.", "I keep coming back to the question of who benefits.", "History suggests the second year is where these things quietly fall apart.",
            "The people quoted at the end made more sense than anyone in charge.", "It's possible to support the aim and still think the execution is poor.",
            "Patience is running out, and you can hardly blame people.", "There's a version of this that works. I'm just not sure this is it.");
    private static final List<String> BRIEF = List.of("Thanks for this.", "Important story.", "Great piece.", "Worrying.", "Good news, for once.", "Not surprised in the slightest.", "Sad to read.",
            "Shared with my family.", "Thoughtful piece.", "Well reported.");
    private static final List<String> SECOND = List.of("Agree with {first}. Couldn't have put it better myself.", "This is the comment I came here to write.",
            "Exactly right, and it isn't only true of {place}.", "Same experience here, almost word for word.", "Yes, and that's the part the article only hints at.",
            "Well put. I'd only add that it has been this way for years.", "Thank you for saying this calmly. It needed saying.", "Completely agree, {first}.", "Well said.", "Hear, hear.",
            "This, exactly.", "You've put your finger on it.", "Couldn't agree more. The rest is detail.", "Good point, and one I hadn't considered.");
    private static final List<String> PUSHBACK = List.of("You're right, but that's only half the story.", "I see where you're coming from, but I think you have cause and effect the wrong way round.",
            "Respectfully, that's not what the article says.", "Fair point in theory. In practice it has never worked out that way.",
            "Not sure that follows. Plenty of places have managed this without the problems you describe.", "I'd push back on that a little. The people most affected aren't the ones making the noise.",
            "With respect, that's an easy view to hold if you don't live here.", "Did you read past the headline? The piece covers exactly that.",
            "Sorry, {first}, but that just isn't true. The figures have been public for a while.", "We'll have to agree to disagree on this one.", "I used to think that too, until it happened on my street.",
            "Partly agree. The diagnosis is right, but the cure you're suggesting would make things worse.", "You're right, but you could say the same about every government of the last twenty years.",
            "That's a bit unfair, {first}. Nobody here is defending the way things are.", "Hmm. I'd want to see some evidence for that before I believed it.");
    private static final List<String> ASK = List.of("Do you have a source for that?", "Interesting. Where did you read that?", "Is that from the official figures or from your own experience? Genuinely curious.",
            "Can you say more? I hadn't heard that before.", "{first}, what makes you say that?", "Is that still the case? I thought it changed last year.");
    private static final List<String> SOURCE = List.of("It was in the annual report, page {n} or thereabouts.", "Mostly my own experience, to be honest, but I've seen the same figures quoted elsewhere.",
            "Here you go: {link}", "It was on local radio last week. I'll try to find the clip.", "From the minutes of the last public meeting. They're dull, but they're online.",
            "Fair question. I may have misremembered, so take it with a pinch of salt.");
    private static final List<String> CHEERS = List.of("Thanks, that's helpful.", "Appreciated. I'll have a read.", "Thanks for following up, {first}.", "Fair enough. Thanks for being straight about it.");
    private static final List<String> ANSWER = List.of("Not the reporter, but I think the fourth paragraph answers that.", "As far as I know, it goes back to a decision taken in {year}.",
            "There was a piece in the {section} section last week that covers it.", "I asked the same thing at a public meeting. The answer was \"later this year\", which tells you something.",
            "The official summary has a timeline near the end. It's dry, but useful.", "Good question. I've written to ask and will post here if I hear back.",
            "From what I've read, nobody has decided yet. That's rather the problem.", "My understanding is that it's split between two departments, which is why it keeps getting stuck.",
            "It's near the end of the piece, though I agree it could be clearer.", "Short answer: nobody knows. Long answer: nobody knows, but at greater length.");
    private static final List<String> THANKS = List.of("Good catch. I noticed that too.", "Thanks, {first}. Hopefully they'll fix it.", "Well spotted. Details like that matter.",
            "Glad someone said it. I thought I was misreading it.", "Looks like it's been fixed now.");
    private static final List<String> DOUBT = List.of("I don't think that's right, actually. I checked, and the article has it correct.", "Are you sure? The official notice says the same as the article.",
            "I remember it differently, but I'm happy to be corrected.");
    private static final List<String> LAUGH = List.of("Ha! Painfully accurate.", "Made me laugh, then made me a bit sad.", "You've clearly met our council.", "Don't give them ideas.",
            "Best comment on the page.", "I nearly spilled my tea.", "Funny, but the people affected probably aren't laughing.", "Too real.");
    private static final List<String> LATE = List.of("Late to this one, but still worth saying.", "Only just found this article.", "Coming back to this a few days on.");
    private static final List<String> LATE_REPLY = List.of("Only just seen this.", "Sorry, late reply.", "Catching up on this thread days later.");
    private static final List<String> LINKS = List.of("There's a useful summary here: {link}", "Background for anyone new to this: {link}", "The full document is here, if anyone wants to check: {link}",
            "The original consultation is still online: {link}", "Relevant: {link}", "Some numbers for context: {link}");

    private static final List<String> WORLD_LINES = List.of("Friends in the region say the mood is tense, but people are getting on with their lives.",
            "It's easy to forget there are families behind every clause of a treaty.", "Diplomats love a deadline they can quietly move.",
            "I lived abroad for years, and this kind of story is rarely told from the ground up.", "My cousin works for an aid group out there. The convoys are the whole story, and they barely get a mention.");
    private static final List<String> POLITICS_LINES = List.of("Every government promises consultation, and every opposition promises to undo what it consulted on.",
            "I'll be raising this with my representative at the next open surgery.", "Wait for the next election and watch everyone change position.",
            "Parliament should have had a proper vote on this months ago.", "I've voted for both main parties in my time, and neither has handled this well.");
    private static final List<String> BUSINESS_LINES = List.of("Shareholders will be fine. It's the staff I worry about.", "I work in the sector, and the mood on the shop floor is grim.",
            "Prices went up the moment this was rumoured, funnily enough.", "Small suppliers always seem to be the last to find out.", "My pension fund owns a slice of this, apparently, and nobody asked me either.");
    private static final List<String> SCIENCE_LINES = List.of("Good to see the caveats reported as well as the headline result.", "One study is a start, not a conclusion.",
            "My son is a lab technician and says the funding situation is worse than reported.", "I'd like to read the paper itself. Is it open access?", "Science reporting that explains the method is rare. Thank you.");
    private static final List<String> CLIMATE_LINES = List.of("The summers here have changed noticeably in my lifetime.", "Our water bill has gone up twice this year already.",
            "Farmers round here have been warning about this for a decade.", "Planting trees is lovely, but it isn't a plan on its own.", "We had the flood barriers out three times last winter. Three.");
    private static final List<String> CULTURE_LINES = List.of("I saw it last week, and the audience loved it.", "Small venues are closing faster than new ones open.",
            "My kids' school lost its music teacher last year, so this one hits home.", "Whatever you think of the decision, the building itself is a treasure.",
            "The cheap tickets sold out in minutes, which tells you where the demand really is.");
    private static final List<String> LOCAL_LINES = List.of("The potholes on our road predate this entire debate.", "I've been to three consultation evenings, and the coffee was the only thing that improved.",
            "Parking near the market is already impossible on a Saturday.", "The council's website still shows the old timetable.",
            "I live near the port, and the traffic at shift change is already unbearable.", "Our school run now takes twice as long as it did last year.");
}
