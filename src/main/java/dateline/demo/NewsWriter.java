package dateline.demo;

import dateline.articles.ArticleType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Invented news content for demonstration sites, benchmarks and screenshots: sections, authors, articles,
 * update notes and correction notes that read like the output of a real world-affairs and local newsroom.
 *
 * <p>Places are real cities and countries. Every person, company, party and organisation is made up.
 * Articles are built from sentence templates with slots ({@code {City}}, {@code {p1}}, {@code {issue}} and so
 * on) that are filled once per story, so that names, numbers and places stay consistent within an article
 * while articles differ from one another. Bodies are Markdown that uses only paragraphs, {@code ##}
 * subheadings, bullet lists, block quotes and links to example.org.
 *
 * <p>The output depends only on the {@link SplittableRandom} given to the constructor and on the order of
 * calls: the same seed and the same calls give the same text. An instance is not thread-safe.
 */
final class NewsWriter {
    record SectionIdea(String name, String description) {}
    record AuthorIdea(String name, String email, String bio) {}
    record StoryIdea(String headline, String standfirst, String markdownBody, ArticleType type,
                     List<String> tags, String datelinePlace) {}

    private final SplittableRandom random;

    NewsWriter(SplittableRandom random) { this.random = Objects.requireNonNull(random, "random"); }

    /** The sections of a demo site, always the same 7, in navigation order. */
    static List<SectionIdea> sections() { return DESKS.stream().map(d -> new SectionIdea(d.name(), d.description())).toList(); }

    /** {@code count} distinct authors (fictional people), emails at example.org / example.com / example.net only. */
    List<AuthorIdea> authors(int count) {
        if (count < 0) throw new IllegalArgumentException("count must not be negative: " + count);
        List<AuthorIdea> authors = new ArrayList<>();
        Set<String> taken = new HashSet<>(); // names and emails, for membership tests only
        for (int attempt = 0; authors.size() < count; attempt++) {
            if (attempt > 200 + count * 50) throw new IllegalArgumentException("cannot invent " + count + " distinct authors");
            NameGroup group = pick(NAME_GROUPS);
            boolean female = random.nextBoolean();
            String first = pick(female ? group.women() : group.men()), last = pick(group.surnames());
            String name = group.familyFirst() ? last + " " + first : first + " " + last;
            String email = ascii(first, false) + "." + ascii(last, false) + "@" + pick(EMAIL_DOMAINS);
            if (taken.contains(name) || taken.contains(email)) continue;
            taken.addAll(List.of(name, email));
            authors.add(new AuthorIdea(name, email, typeset(bio(name, female))));
        }
        return List.copyOf(authors);
    }

    /** One article for the named section (one of sections()' names). */
    StoryIdea story(String sectionName) {
        Desk desk = DESKS.stream().filter(d -> d.name().equals(sectionName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such section: " + sectionName));
        return new Story(desk).write(articleType());
    }

    /** A short public note for a significant update, such as "Adds the minister's response and new casualty figures." */
    String updateNote() { return typeset(new Story(pick(DESKS)).sentence(UPDATE_NOTES)); }
    /** A short public correction note, such as "An earlier version misstated the year the bridge opened; it was 1962." */
    String correctionNote() { return typeset(new Story(pick(DESKS)).sentence(CORRECTION_NOTES)); }

    private ArticleType articleType() {
        int roll = random.nextInt(100); // 75% news, 7% analysis, 6% opinion, 5% explainer, 4% feature, 3% interview
        return roll < 75 ? ArticleType.NEWS : roll < 82 ? ArticleType.ANALYSIS : roll < 88 ? ArticleType.OPINION
                : roll < 93 ? ArticleType.EXPLAINER : roll < 97 ? ArticleType.FEATURE : ArticleType.INTERVIEW;
    }

    private record Person(String full, String last, boolean female, String role) {}

    /** One story: its place, topic, people and numbers, and the templates it has used so far. */
    private final class Story {
        private final Desk desk;
        private final Place place = pick(PLACES);
        private final String[] topic; // short form, long form, tag, company name endings, sector
        private final Map<String, String> values = new HashMap<>(); // lookups only
        private final Person[] people = new Person[5];
        private final Set<Object> used = new HashSet<>(); // templates, and people already introduced
        private Place elsewhere;
        private ArticleType type = ArticleType.NEWS;
        private String lead = "";
        private int speaker;

        Story(Desk desk) { this.desk = desk; this.topic = pick(desk.topics()).split("\\|"); }

        StoryIdea write(ArticleType type) {
            this.type = type;
            String headline = headline(), standfirst = standfirst(), body = body();
            return new StoryIdea(typeset(headline), typeset(standfirst), typeset(body), type, tags(), place.city().toUpperCase(Locale.ROOT));
        }

        /** The pool for this story's type: index 0 for news, then analysis, opinion, explainer, feature, interview. */
        @SafeVarargs
        private List<String> byType(List<String>... pools) {
            return pools[switch (type) { case ANALYSIS -> 1; case OPINION -> 2; case EXPLAINER -> 3; case FEATURE -> 4; case INTERVIEW -> 5; default -> 0; }];
        }

        private String headline() {
            List<String> pool = byType(desk.headlines(), ANALYSIS_HEADLINES, OPINION_HEADLINES, EXPLAINER_HEADLINES, FEATURE_HEADLINES, INTERVIEW_HEADLINES);
            for (int attempt = 0; attempt < 100; attempt++) {
                String[] pair = pick(pool).split(" \\|\\| ");
                String text = tidy(fill(pair[0]));
                lead = pair.length > 1 ? pair[1] : "";
                if (text.length() >= 40 && text.length() <= 110) return text;
            }
            throw new IllegalStateException("no headline of a sensible length for " + desk.name());
        }

        private String standfirst() {
            List<String> pool = byType(concat(List.of(desk.standfirst()), NEWS_STANDFIRSTS), ANALYSIS_STANDFIRSTS, OPINION_STANDFIRSTS,
                    EXPLAINER_STANDFIRSTS, FEATURE_STANDFIRSTS, INTERVIEW_STANDFIRSTS);
            String text = "";
            for (int attempt = 0; attempt < 100 && (text.length() < 80 || text.length() > 250); attempt++) text = tidy(fill(pick(pool)));
            return text;
        }

        private String body() {
            List<String> paragraphs = new ArrayList<>();
            for (String kind : plan()) paragraphs.add(paragraph(kind));
            List<String> fillers = switch (type) { case OPINION -> List.of("O"); case INTERVIEW -> List.of("I", "B", "I", "D"); default -> List.of("D", "Q3", "Q2", "Q1"); };
            for (int i = 0, target = 390 + random.nextInt(330); words(paragraphs) < target && paragraphs.size() < 14; i++) paragraphs.add(paragraphs.size() - 1, paragraph(fillers.get(i % fillers.size())));
            paragraphs.removeIf(String::isEmpty);
            int n = paragraphs.size(), length = words(paragraphs);
            boolean explainer = type == ArticleType.EXPLAINER;
            List<String> blocks = new ArrayList<>(paragraphs), heads = type == ArticleType.OPINION ? OPINION_SUBHEADS : SUBHEADS;
            if (length >= 620) {
                blocks.add(2 * n / 3, "## " + sentence(explainer ? EXPLAINER_SUBHEADS_LATE : heads));
                blocks.add(n / 3 + 1, "## " + sentence(explainer ? EXPLAINER_SUBHEADS_EARLY : heads));
            } else if (length >= 530 || explainer) {
                blocks.add(n / 2, "## " + sentence(explainer ? EXPLAINER_SUBHEADS_EARLY : heads));
            }
            return String.join("\n\n", blocks);
        }

        /** The order of paragraph kinds; see {@link #paragraph} for what each kind is. */
        private List<String> plan() {
            List<String> head, middle;
            String tail = "N", pad = "D";
            switch (type) {
                case ANALYSIS -> { head = List.of("AL", "Q3", "B"); middle = shuffled("D", "Q1", "Q2", "C", "Q3", "D", "Q2", "B"); }
                case EXPLAINER -> { head = List.of("EL", "B", "D"); middle = shuffled("Q1", "Q2", "Q3", "C", "D", "Q1", "B", "Q3"); }
                case FEATURE -> { head = List.of("FL", "D", "Q1"); middle = shuffled("B", "Q4", "Q2", "C", "Q3", "D", "Q4", "B"); }
                case INTERVIEW -> { head = List.of("IL", "I", "I"); middle = shuffled("B", "I", "I", "D", "I", "I", "I", "I"); tail = "I"; pad = "I"; }
                case OPINION -> { head = List.of("OL", "O"); middle = shuffled("O", "OQ", "O", "O", "O", "D", "O", "O"); tail = "OC"; pad = "O"; }
                default -> { head = List.of("L", "Q1", "D"); middle = shuffled("Q2", "Q3", "B"); middle.addAll(shuffled("D", "Q4", "Q1", "C", "Q2", "D", "Q3")); }
            }
            List<String> kinds = new ArrayList<>(head);
            for (int i = 0, wanted = 7 + random.nextInt(type == ArticleType.OPINION ? 4 : 6) - head.size() - 1; i < wanted; i++) kinds.add(i < middle.size() ? middle.get(i) : pad);
            kinds.add(tail);
            boolean reported = type != ArticleType.OPINION && type != ArticleType.INTERVIEW;
            if (reported && random.nextInt(100) < 36) replaceOne(kinds, "DB");
            if (reported && random.nextInt(100) < 27) replaceOne(kinds, "S");
            if (random.nextInt(100) < 30) replaceOne(kinds, "DL");
            return kinds;
        }

        private void replaceOne(List<String> kinds, String replacement) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 1; i < kinds.size() - 1; i++) if (REMOVABLE.contains(kinds.get(i))) candidates.add(i);
            if (!candidates.isEmpty()) kinds.set(pick(candidates), replacement);
        }

        /**
         * One paragraph. L, AL, EL, FL, IL, OL: openings for news, analysis, explainer, feature, interview and
         * opinion. Q1 to Q4: quotes from the official, the critic, the expert and a member of the public. I: an
         * interview answer. D, B, C, N: detail, background, wider context, next steps. O, OQ, OC: opinion
         * argument, with a quote, closing. DB, S, DL: detail followed by a bullet list, by a quoted statement, or
         * with a link. Only D, B, C and O never introduce a person, so only they are removed or replaced.
         */
        private String paragraph(String kind) {
            List<String> s = new ArrayList<>();
            String after = "";
            int some = 2 + random.nextInt(2);
            switch (kind) {
                case "L" -> { s.add(tidy(fill(lead))); say(s, desk.details(), CONTEXT); }
                case "AL" -> { say(s, ANALYSIS_LEADS); say(s, desk.details(), CONTEXT); }
                case "EL" -> say(s, EXPLAINER_LEADS);
                case "IL" -> { say(s, INTERVIEW_LEADS); say(s, desk.backgrounds(), CONTEXT); }
                case "FL" -> { say(s, FEATURE_LEADS); speaker = 4; say(s, List.of("“{q},” {p.he} said.")); }
                case "Q1", "Q2", "Q3", "Q4" -> {
                    speaker = kind.charAt(1) - '0';
                    if (used.contains(person(speaker))) say(s, LATER_OPEN, SPOKEN_OPEN);
                    else say(s, switch (speaker) { case 2 -> CRITIC_OPEN; case 3 -> EXPERT_OPEN; case 4 -> VOICE_OPEN; default -> SPOKEN_OPEN; }, SPOKEN_OPEN);
                    if (speaker == 4) say(s, QUOTE_MORE, desk.details(), CONTEXT);
                    else say(s, random.nextBoolean() ? QUOTE_MORE : SAY_MORE, SAY_MORE, QUOTE_MORE, desk.details(), CONTEXT);
                    if (random.nextBoolean()) say(s, desk.details(), CONTEXT);
                }
                case "I" -> { speaker = 1; say(s, INTERVIEW_ANSWERS, LATER_OPEN); say(s, SAY_MORE, QUOTE_MORE, desk.details(), CONTEXT); if (random.nextBoolean()) say(s, desk.details(), CONTEXT); }
                case "D" -> addSome(s, some, desk.details(), desk.backgrounds(), CONTEXT);
                case "B" -> addSome(s, some, desk.backgrounds(), CONTEXT, desk.details());
                case "C" -> addSome(s, 2, CONTEXT, desk.details());
                case "N" -> { say(s, desk.details(), CONTEXT); addSome(s, 1 + random.nextInt(2), NEXT, CONTEXT); }
                case "O" -> addOpinion(s, some);
                case "OL" -> { say(s, OPINION_OPENINGS); addOpinion(s, 1 + random.nextInt(2)); }
                case "OC" -> { addOpinion(s, 1 + random.nextInt(2)); say(s, OPINION_CLOSINGS); }
                case "OQ" -> { addOpinion(s, 1); speaker = 1; say(s, OPINION_QUOTES); speaker = 0; addOpinion(s, 1); }
                case "DB" -> { addSome(s, some - 1, desk.details(), CONTEXT); say(s, BULLET_INTROS); after = bullets(); }
                case "S" -> { addSome(s, some - 1, desk.details(), CONTEXT); speaker = 1; say(s, STATEMENT_INTROS); after = "> " + ending(quote()) + " " + ending(quote()); }
                case "DL" -> { addSome(s, some - 1, desk.details(), desk.backgrounds(), CONTEXT); say(s, LINKS); }
                default -> throw new IllegalArgumentException("unknown paragraph kind " + kind);
            }
            speaker = 0;
            while (sentences(s) > 4 && s.size() > 2) s.remove(after.isEmpty() && !kind.equals("DL") ? s.size() - 1 : 0);
            return s.size() < 2 && REMOVABLE.contains(kind) || s.isEmpty() ? "" : String.join(" ", s) + (after.isEmpty() ? "" : "\n\n" + after);
        }

        @SafeVarargs
        private void addSome(List<String> s, int count, List<String>... pools) { for (int i = 0; i < count; i++) say(s, pools); }

        @SafeVarargs
        private void say(List<String> s, List<String>... pools) {
            String sentence = sentence(pools);
            if (sentence != null) s.add(sentence);
        }

        private void addOpinion(List<String> s, int count) {
            for (int i = 0; i < count; i++) if (random.nextInt(10) < 3) say(s, desk.details(), desk.backgrounds()); else say(s, OPINION_BODY, desk.details(), desk.backgrounds(), CONTEXT);
        }

        private String bullets() {
            List<String> lines = new ArrayList<>();
            for (int i = 0, count = 3 + random.nextInt(3); i < count; i++) lines.add("- " + capitalize(fill(fresh(desk.bullets()))));
            return String.join("\n", lines);
        }

        private List<String> tags() {
            List<String> tags = new ArrayList<>(List.of(topic[2]));
            addTag(tags, desk.name().equals("Local") ? place.city() : place.country());
            if (elsewhere != null && desk.name().equals("World")) addTag(tags, elsewhere.country());
            for (int guard = 0, wanted = 2 + random.nextInt(4); tags.size() < wanted && guard < 30; guard++) addTag(tags, pick(desk.tags()));
            return List.copyOf(tags);
        }
        private void addTag(List<String> tags, String tag) { if (!tags.contains(tag) && tags.size() < 5) tags.add(tag); }

        /** A template from the first pool that still has unused ones, filled and tidied; null once all are used. */
        @SafeVarargs
        final String sentence(List<String>... pools) {
            String template = fresh(pools);
            return template == null ? null : tidy(fill(template));
        }

        @SafeVarargs
        private String fresh(List<String>... pools) {
            for (List<String> pool : pools) {
                List<String> open = pool.stream().filter(t -> !used.contains(t)).toList();
                if (!open.isEmpty()) {
                    String template = pick(open);
                    used.add(template);
                    return template;
                }
            }
            return null;
        }

        String fill(String template) {
            Matcher m = SLOT.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1))));
            return m.appendTail(out).toString();
        }

        /** A slot's value: people and quotes by speaker, a few numbers fresh each time, everything else fixed per story. */
        private String resolve(String key) {
            char first = key.charAt(0);
            if (Character.isUpperCase(first)) return capitalize(resolve(Character.toLowerCase(first) + key.substring(1)));
            if (key.equals("q")) return quote();
            Matcher person = PERSON_SLOT.matcher(key);
            if (person.matches()) return personSlot(person.group(1).isEmpty() ? speaker : Integer.parseInt(person.group(1)), person.group(2));
            if (FRESH_SLOTS.contains(key)) return generate(key);
            String value = values.get(key);
            if (value == null) values.put(key, value = generate(key));
            return value;
        }

        private String generate(String key) {
            return switch (key) {
                case "country" -> place.country(); case "city" -> place.city();
                case "where" -> desk.name().equals("Local") ? place.city() : place.country();
                case "country2" -> elsewhere().country(); case "city2" -> elsewhere().city();
                case "topic" -> fill(topic[0]); case "issue" -> fill(topic[1]);
                case "sector" -> topic.length > 4 ? topic[4] : "services";
                case "slug" -> ascii(topic[0].replaceFirst("^the ", "").replace(' ', '-'), true);
                case "section" -> desk.name().toLowerCase(Locale.ROOT);
                case "org" -> pick(desk.orgs()); case "org2" -> other(desk.orgs(), "org");
                case "company" -> company();
                case "company2" -> {
                    String stem = resolve("company").split(" ")[0], other = company();
                    while (other.startsWith(stem)) other = company();
                    yield other;
                }
                case "party" -> pick(PARTIES); case "party2" -> other(PARTIES, "party");
                case "party3" -> other(PARTIES, "party", "party2");
                case "district" -> pick(DISTRICTS); case "structure" -> pick(STRUCTURES);
                case "day" -> "on " + pick(WEEKDAYS); case "month" -> pick(MONTHS);
                case "day2" -> other(WEEKDAYS.stream().map(d -> "on " + d).toList(), "day");
                case "n", "sites" -> number(3 + random.nextInt(7));
                case "weeksN" -> String.valueOf(2 + random.nextInt(5));
                case "weeks", "weekadj" -> number(Integer.parseInt(resolve("weeksN"))) + (key.equals("weeks") ? " weeks" : "-week");
                case "months" -> number(3 + random.nextInt(9)) + " months";
                case "years" -> number(2 + random.nextInt(7)) + " years"; case "yearsago" -> number(2 + random.nextInt(7)) + " years ago";
                case "year" -> String.valueOf(1962 + random.nextInt(50)); case "age" -> String.valueOf(22 + random.nextInt(58));
                case "pct" -> String.format(Locale.ROOT, "%.1f", 1.2 + random.nextInt(80) / 10.0);
                case "rate" -> String.format(Locale.ROOT, "%.2f", 2 + random.nextInt(40) * 0.25).replace(".00", "");
                case "drop", "reservoir" -> String.valueOf(6 + random.nextInt(30));
                case "share" -> String.valueOf(3 + random.nextInt(26)); case "premium" -> String.valueOf(8 + random.nextInt(28));
                case "temp" -> String.valueOf(39 + random.nextInt(9)); case "hall" -> String.valueOf(120 + 10 * random.nextInt(48));
                case "pages" -> String.valueOf(40 + random.nextInt(340));
                case "jobs" -> grouped(150 + 50 * random.nextInt(95)); case "staff" -> grouped(2000 + 100 * random.nextInt(460));
                case "people" -> grouped(20000 + 1000 * random.nextInt(460)); case "crowd" -> grouped(8000 + 500 * random.nextInt(100));
                case "signatures" -> grouped(1200 + 100 * random.nextInt(130));
                case "money", "sum" -> desk.name().equals("Business") ? bigMoney() : "$" + (12 + random.nextInt(480)) + " million";
                case "fine" -> "$" + (2 + random.nextInt(88)) + " million"; case "votes" -> votes();
                case "grant" -> "$" + (1 + random.nextInt(19)) + "." + (1 + random.nextInt(9)) + " million";
                default -> throw new IllegalArgumentException("unknown slot {" + key + "}");
            };
        }

        private Place elsewhere() {
            while (elsewhere == null || elsewhere.country().equals(place.country())) elsewhere = pick(PLACES);
            return elsewhere;
        }

        /** A value from the pool that differs from the values of the given slots. */
        private String other(List<String> pool, String... slots) {
            while (true) {
                String value = pick(pool);
                boolean clash = false;
                for (String slot : slots) clash |= value.equals(resolve(slot));
                if (!clash) return value;
            }
        }

        private String company() { return pick(COMPANY_STEMS) + " " + pick(topic.length > 3 ? List.of(topic[3].split(",")) : COMPANY_ENDINGS); }

        private String bigMoney() {
            if (random.nextBoolean()) return "$" + (60 + 10 * random.nextInt(90)) + " million";
            int tenths = random.nextInt(10);
            return "$" + (1 + random.nextInt(7)) + (tenths == 0 ? "" : "." + tenths) + " billion";
        }

        private String votes() {
            boolean council = desk.name().equals("Local");
            int yes = council ? 21 + random.nextInt(20) : 150 + random.nextInt(110);
            return "by " + yes + " votes to " + (yes - 1 - random.nextInt(council ? 12 : 60));
        }

        private String quote() {
            List<String> own = switch (speaker) {
                case 1 -> type == ArticleType.INTERVIEW ? concat(INTERVIEW_QUOTES, desk.quotes().get(0)) : desk.quotes().get(0);
                case 2 -> desk.quotes().get(1); case 3 -> EXPERT_QUOTES; case 4 -> concat(desk.quotes().get(2), PUBLIC_QUOTES);
                default -> throw new IllegalStateException("a quote needs a speaker");
            };
            String template = speaker == 4 ? fresh(own) : fresh(own, EXPERT_QUOTES, INTERVIEW_QUOTES);
            return capitalize(fill(template == null ? pick(own) : template));
        }

        /** {p}: name and role at first mention, surname after; {p,} the same with a comma after the role. */
        private String personSlot(int i, String form) {
            if (i < 1 || i > 4) throw new IllegalStateException("a person slot needs a speaker");
            Person p = person(i);
            if (form == null || form.equals(",")) return used.add(p) ? p.full() + ", " + p.role() + (form == null ? "" : ",") : p.last();
            return switch (form) {
                case ".full" -> p.full(); case ".role" -> p.role(); case ".he" -> p.female() ? "she" : "he"; case ".his" -> p.female() ? "her" : "his";
                default -> throw new IllegalArgumentException("unknown person slot " + form);
            };
        }

        private Person person(int i) {
            if (people[i] == null) {
                NameGroup group = i == 3 && random.nextInt(3) == 0 ? pick(NAME_GROUPS) : place.names();
                boolean female = random.nextBoolean();
                String first = pick(female ? group.women() : group.men()), last = pick(group.surnames());
                while (surnameTaken(last)) last = pick(group.surnames());
                String role = pick(desk.roles().get(i - 1)).replace("{sp}", female ? "spokeswoman" : "spokesman").replace("{his}", female ? "her" : "his");
                people[i] = new Person(group.familyFirst() ? last + " " + first : first + " " + last, last, female, fill(role));
            }
            return people[i];
        }

        private boolean surnameTaken(String last) { return Arrays.stream(people).anyMatch(p -> p != null && p.last().equals(last)); }
    }

    private <T> T pick(List<T> list) { return list.get(random.nextInt(list.size())); }

    private List<String> shuffled(String... items) {
        List<String> list = new ArrayList<>(List.of(items));
        for (int i = list.size() - 1; i > 0; i--) list.set(i, list.set(random.nextInt(i + 1), list.get(i)));
        return list;
    }

    private String bio(String name, boolean female) {
        String base = pick(PLACES).city(), base2 = pick(PLACES).city(), beat = pick(BEATS), beat2 = pick(BEATS);
        while (base2.equals(base)) base2 = pick(PLACES).city();
        while (beat2.equals(beat)) beat2 = pick(BEATS);
        String[][] slots = {{"{name}", name}, {"{He}", female ? "She" : "He"}, {"{he}", female ? "she" : "he"}, {"{His}", female ? "Her" : "His"},
            {"{him}", female ? "her" : "him"}, {"{beat}", beat}, {"{beat2}", beat2}, {"{base}", base}, {"{base2}", base2},
            {"{outlet}", pick(OUTLETS)}, {"{role}", pick(STAFF_ROLES)}, {"{years}", number(2 + random.nextInt(11)) + " years"},
            {"{langs}", number(3 + random.nextInt(3))}, {"{count}", pick(List.of("a dozen", "twenty", "thirty"))}};
        String text = pick(BIOS);
        for (String[] slot : slots) text = text.replace(slot[0], slot[1]);
        return text;
    }

    /** How many of the whitespace-separated parts of the texts hold a letter or a digit (counted often: no regex). */
    private static int words(List<String> texts) {
        int count = 0;
        for (String text : texts) {
            boolean counted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                    counted = false;
                } else if (!counted && Character.isLetterOrDigit(c)) {
                    count++;
                    counted = true;
                }
            }
        }
        return count;
    }

    /** Roughly how many sentences the texts hold, not counting those inside quotation marks. */
    private static int sentences(List<String> texts) {
        return (int) texts.stream().mapToLong(t -> SENTENCE_END.matcher(t.replaceAll("“[^”]*[.?]”", "Q.").replaceAll("“[^”]*”", "Q")).results().count()).sum();
    }

    private static String tidy(String sentence) { return capitalize(sentence.replace("?,”", "?”").replace("?.”", "?”").replace("  ", " ").strip()); }
    private static String ending(String quote) { return quote.endsWith("?") || quote.endsWith(".") ? quote : quote + "."; }

    private static String capitalize(String s) {
        for (int i = 0; i < s.length() && !Character.isDigit(s.charAt(i)); i++) {
            if (Character.isLetter(s.charAt(i))) return s.substring(0, i) + Character.toUpperCase(s.charAt(i)) + s.substring(i + 1);
        }
        return s;
    }

    /** Typographic apostrophes; the templates are typed with plain ones. */
    private static String typeset(String s) { return s.replace('\'', '’'); }

    /** Lower-case ASCII letters and digits (and hyphens if asked), for email addresses and link paths. */
    private static String ascii(String s, boolean keepHyphens) {
        String t = s.toLowerCase(Locale.ROOT).replace("ı", "i").replace("ø", "o").replace("ł", "l");
        return Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll(keepHyphens ? "[^a-z0-9-]" : "[^a-z0-9]", "");
    }

    private static String number(int n) { return NUMBER_WORDS.get(n); }
    private static String grouped(int n) { return String.format(Locale.ROOT, "%,d", n); }
    private static List<String> concat(List<String> a, List<String> b) { return Stream.concat(a.stream(), b.stream()).toList(); }
    private static List<String> split(String words) { return List.of(words.split(" ")); }

    // Data. Slots in braces are filled per story; a capital first letter capitalizes the value.

    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z0-9.,]+)\\}");
    private static final Pattern PERSON_SLOT = Pattern.compile("p([1-4]?)(,|\\.[a-z]+)?");
    private static final Set<String> FRESH_SLOTS = Set.of("n", "age", "share", "people", "year", "pages", "sum", "structure");
    private static final Pattern SENTENCE_END = Pattern.compile("[.?](?=\\s|$)");
    private static final Set<String> REMOVABLE = Set.of("D", "B", "C", "O");
    private static final List<String> NUMBER_WORDS = split("zero one two three four five six seven eight nine ten eleven twelve");
    private static final List<String> WEEKDAYS = split("Monday Tuesday Wednesday Thursday Friday Saturday");
    private static final List<String> MONTHS = split("January February March April May June July August September October November December");
    private static final List<String> EMAIL_DOMAINS = List.of("example.org", "example.com", "example.net");
    private record NameGroup(List<String> women, List<String> men, List<String> surnames, boolean familyFirst) {}
    private record Place(String city, String country, NameGroup names) {}
    /** Women's given names / men's given names / family names [/ family name first]. */
    private static NameGroup names(String lists) {
        String[] part = lists.split(" / ");
        return new NameGroup(split(part[0]), split(part[1]), split(part[2]), part.length > 3);
    }

    private static final NameGroup ENGLISH = names("Hannah Claire Rosalind Megan Isla Fiona Harriet / Callum Owen Rupert Gareth Declan Simon Graham / Ashworth Pennington Whitlock Halloran Fairbairn Cotterill Hartley Brennan");
    private static final NameGroup FRENCH = names("Camille Élodie Sandrine Maëlle Agathe Nadège Solène / Théo Benoît Mathis Rémi Gaëtan Lucien Yannick / Marchand Lefèvre Vasseur Garnier Thibault Morel Perrin Fontaine");
    private static final NameGroup GERMAN = names("Katrin Anja Leonie Friederike Jana Wiebke Svenja / Jonas Matthias Lukas Florian Tobias Jannik Konstantin / Albrecht Vogel Kessler Reinholt Baumann Hartwig Ziegler Pohl");
    private static final NameGroup NORDIC = names("Ingrid Sigrid Linnea Astrid Karin Maja Tuva / Erik Anders Magnus Nils Henrik Jens Torbjörn / Halvorsen Lindqvist Sandvik Aasen Nyström Ekdahl Strand Dahlberg");
    private static final NameGroup SLAVIC = names("Olena Kateryna Iryna Marta Agnieszka Zofia Oksana / Taras Andriy Mykola Piotr Tomasz Pavlo Bohdan / Kovalenko Savchuk Hrytsenko Melnyk Bondar Tkachuk Nowak Pawlak");
    private static final NameGroup SPANISH = names("Lucía Valentina Camila Ximena Paula Rocío Daniela / Mateo Joaquín Andrés Rodrigo Emiliano Tomás Hernán / Quispe Salcedo Ibarra Villalobos Cárdenas Echeverría Montoya Restrepo");
    private static final NameGroup PORTUGUESE = names("Beatriz Mariana Joana Luíza Renata Tatiana Helena / João Thiago Rafael Gonçalo Vinícius Duarte Caio / Albuquerque Carvalho Nogueira Tavares Figueiredo Moura Barros Azevedo");
    private static final NameGroup ITALIAN = names("Chiara Giulia Francesca Martina Alessia Ilaria Serena / Lorenzo Davide Stefano Riccardo Paolo Edoardo Tommaso / Ferraro Bellini Galli Marchetti Rinaldi Santoro Lombardi Pellegrini");
    private static final NameGroup TURKISH = names("Elif Zeynep Ayşe Deniz Selin Ebru Gizem / Emre Burak Kerem Onur Serkan Mert Tolga / Yılmaz Aydın Demirci Kaya Öztürk Çelik Arslan Korkmaz");
    private static final NameGroup ARABIC = names("Nour Layla Rania Hala Yasmin Salma Dina / Karim Omar Tarek Youssef Hisham Samir Khaled / Haddad Mansour Saleh Khoury Nasser Farouk Darwish Qasim");
    private static final NameGroup EAST_AFRICAN = names("Wanjiru Akinyi Nekesa Auma Zawadi Njeri Achieng / Juma Baraka Amani Kiprono Otieno Wafula Musa / Mwangi Ochieng Wekesa Mutua Njoroge Omondi Mbwana Kariuki");
    private static final NameGroup WEST_AFRICAN = names("Adaeze Ngozi Chiamaka Abena Efua Folake Yetunde / Chinedu Emeka Kwabena Kofi Tunde Segun Obinna / Okafor Adeyemi Mensah Boateng Nwosu Oyelaran Asante Owusu");
    private static final NameGroup SOUTHERN_AFRICAN = names("Thandiwe Nomvula Lerato Zanele Palesa Naledi Ayanda / Sipho Lwazi Mandla Kagiso Bongani Themba Sizwe / Dlamini Nkosi Mokoena Khumalo Ndlovu Pillay Botha Mahlangu");
    private static final NameGroup SOUTH_ASIAN = names("Priya Ananya Farah Meera Nusrat Kavya Sana / Arjun Rohan Imran Vikram Farhan Sanjay Kabir / Raghunathan Chaudhry Banerjee Qureshi Iyer Siddiqui Malhotra Rahman");
    private static final NameGroup INDONESIAN = names("Putri Dewi Ayu Sari Intan Wulan Ratna / Budi Agus Rizky Bayu Dimas Hendra Arief / Santoso Wibowo Hartono Setiawan Pratama Nugroho Kusuma Susanto");
    private static final NameGroup JAPANESE = names("Haruka Yui Akiko Naoko Emi Sayaka Mariko / Kenji Takeshi Daisuke Haruto Ryo Kazuki Shota / Takahashi Morimoto Ishikawa Fujita Okada Nakamura Hayashi Kondo");
    private static final NameGroup KOREAN = names("Ji-woo Seo-yeon Min-ji Hye-jin Eun-ji Soo-ah / Min-jun Seung-ho Dong-hyun Tae-yang Jun-seo Hyun-woo / Kim Park Choi Jung Kang Cho Han Shin / family name first");
    private static final List<NameGroup> NAME_GROUPS = List.of(ENGLISH, FRENCH, GERMAN, NORDIC, SLAVIC, SPANISH, PORTUGUESE, ITALIAN,
            TURKISH, ARABIC, EAST_AFRICAN, WEST_AFRICAN, SOUTHERN_AFRICAN, SOUTH_ASIAN, INDONESIAN, JAPANESE, KOREAN);

    private static final List<Place> PLACES = List.of(new Place("Kyiv", "Ukraine", SLAVIC), new Place("Warsaw", "Poland", SLAVIC), new Place("Berlin", "Germany", GERMAN), new Place("Hamburg", "Germany", GERMAN),
            new Place("Paris", "France", FRENCH), new Place("Brussels", "Belgium", FRENCH), new Place("Oslo", "Norway", NORDIC), new Place("Stockholm", "Sweden", NORDIC), new Place("Copenhagen", "Denmark", NORDIC),
            new Place("London", "Britain", ENGLISH), new Place("Manchester", "Britain", ENGLISH), new Place("Dublin", "Ireland", ENGLISH), new Place("Madrid", "Spain", SPANISH), new Place("Lisbon", "Portugal", PORTUGUESE),
            new Place("Rome", "Italy", ITALIAN), new Place("Milan", "Italy", ITALIAN), new Place("Istanbul", "Turkey", TURKISH), new Place("Cairo", "Egypt", ARABIC),
            new Place("Amman", "Jordan", ARABIC), new Place("Beirut", "Lebanon", ARABIC), new Place("Rabat", "Morocco", ARABIC), new Place("Nairobi", "Kenya", EAST_AFRICAN), new Place("Mombasa", "Kenya", EAST_AFRICAN),
            new Place("Dar es Salaam", "Tanzania", EAST_AFRICAN), new Place("Lagos", "Nigeria", WEST_AFRICAN), new Place("Accra", "Ghana", WEST_AFRICAN), new Place("Dakar", "Senegal", WEST_AFRICAN),
            new Place("Johannesburg", "South Africa", SOUTHERN_AFRICAN), new Place("Cape Town", "South Africa", SOUTHERN_AFRICAN), new Place("Mumbai", "India", SOUTH_ASIAN), new Place("New Delhi", "India", SOUTH_ASIAN),
            new Place("Dhaka", "Bangladesh", SOUTH_ASIAN), new Place("Karachi", "Pakistan", SOUTH_ASIAN), new Place("Jakarta", "Indonesia", INDONESIAN), new Place("Tokyo", "Japan", JAPANESE), new Place("Seoul", "South Korea", KOREAN),
            new Place("Sydney", "Australia", ENGLISH), new Place("Auckland", "New Zealand", ENGLISH), new Place("Toronto", "Canada", ENGLISH), new Place("Mexico City", "Mexico", SPANISH), new Place("Bogotá", "Colombia", SPANISH),
            new Place("Lima", "Peru", SPANISH), new Place("Santiago", "Chile", SPANISH), new Place("Buenos Aires", "Argentina", SPANISH), new Place("São Paulo", "Brazil", PORTUGUESE));

    private static final List<String> PARTIES = List.of("the Civic Union", "the People's Progress Party", "the New Centre", "the Democratic Renewal Party", "the Labour and Farmers Alliance", "the Liberal Forum", "the Green Future Party");
    private static final List<String> DISTRICTS = List.of("the old town", "the northern suburbs", "the harbour district", "the market quarter", "the eastern estates", "the university quarter", "the western suburbs");
    private static final List<String> COMPANY_STEMS = split("Halvorsen Marlowe Valcourt Brightmoor Tessaro Kestrel Quintero Lindholm Corvane Amberline Castellan Redfern Meridale Ashgrove Tallis Orrin Vantor Okoro Sandhaven Ferrante");
    private static final List<String> COMPANY_ENDINGS = split("Group Holdings Industries Resources");
    private static final List<String> STRUCTURES = List.of("bridge", "stadium", "railway station", "concert hall", "harbour wall", "airport terminal");

    /** One section's material. Topics are "short form|long form|tag|company name endings|sector"; headlines are "headline || opening sentence"
     *  pairs; roles are listed for the official, the critic, the expert and a member of the public; quotes for the official, critic and public. */
    private record Desk(String name, String description, List<String> topics, List<String> tags, String standfirst, List<String> orgs,
                        List<List<String>> roles, List<String> headlines, List<String> details, List<String> backgrounds, List<List<String>> quotes, List<String> bullets) {}

    private static final List<Desk> DESKS = List.of(
        new Desk("World", "Diplomacy, conflict and everyday life beyond our borders, reported from where it happens.", List.of("the fishing rights agreement|the agreement on fishing rights in the contested coastal waters|Fisheries",
                "the humanitarian corridor|the corridor meant to let aid convoys reach cut-off towns|Humanitarian aid", "the grain export deal|the arrangement allowing grain shipments through the strait|Food security",
                "the energy supply pact|the pact covering gas and electricity supplies through the winter|Energy", "the prisoner exchange|the long-discussed exchange of detainees held by both sides|Prisoners",
                "the refugee return plan|the plan for refugees to return to their home districts|Refugees", "the water-sharing treaty|the treaty governing water from the shared river basin|Water",
                "the ceasefire deal|the proposed ceasefire along the disputed frontier|Ceasefire"),
                List.of("Diplomacy", "Conflict", "Migration", "Human rights", "Aid", "Security"),
            "Diplomats say the remaining differences are narrow but stubborn, and both governments face pressure at home not to give ground.",
            List.of("the Crossroads Relief Network", "the Coastal States Forum", "the Meridian Mediation Group", "the Tidewater Monitoring Mission"),
            List.of(List.of("{Country}'s deputy foreign minister", "the head of {Country}'s negotiating team", "a {sp} for {Country}'s foreign ministry"),
                List.of("the director of {org}", "an opposition member of {Country}'s foreign affairs committee", "a field coordinator for {org}"),
                List.of("a senior fellow at the Lanthorn Institute for International Affairs", "a researcher at the Halden Centre for Security Studies", "a former diplomat who now teaches at the Arvell School of Governance"),
                List.of("a {age}-year-old teacher in {City}", "a market trader in {City}", "a nurse at a clinic near the border")),
            List.of("{Country} and {country2} resume talks on {topic} after months of deadlock || Negotiators from {Country} and {country2} met in {City} {day} for the first time in {months}, reviving talks on {issue}.",
                "{Country} recalls its ambassador to {country2} as {topic} falters || {Country} recalled its ambassador to {country2} {day}, the clearest sign yet that {issue} is in serious trouble.",
                "Thousands rally in {City} to demand progress on {topic} || Thousands of people marched through central {City} {day}, urging the government to stop delaying {issue}.",
                "{Country} warns that {topic} with {country2} is close to collapse || {Country} warned {day} that {issue} was close to collapse, accusing {country2} of reopening settled questions.",
                "Negotiators in {City} report breakthrough on {topic} || Negotiators in {City} said {day} they had agreed on the most contested sections of {issue} after {n} days of talks.",
                "Aid groups warn of shortages in {City} as {topic} stalls || Aid agencies in {City} warned {day} that food and medicine were running low, blaming the lack of progress on {issue}.",
                "{Country} offers fresh concessions to revive {topic} || {Country} offered new concessions {day} to revive {issue}, including independent monitoring for the first {months}.",
                "Regional leaders set {weekadj} deadline for {topic} || Regional leaders meeting in {City} {day} gave {Country} and {country2} {weeks} to settle their differences over {issue}.",
                "Talks on {topic} end without agreement in {City} || Talks on {issue} ended without agreement in {City} {day}, with each delegation blaming the other.",
                "{Country}'s parliament backs {topic} with {country2} despite protests || Lawmakers in {Country} voted {day} to approve {issue}, {votes}, as protesters outside accused the government of giving away too much.",
                "Mediators shuttle between {City} and {city2} in push to save {topic} || Mediators travelled between {City} and {city2} {day} carrying what officials described as a last attempt to save {issue}.",
                "{Country} accuses {country2} of stalling on {topic} || {Country} accused {country2} {day} of deliberately slowing talks on {issue}, saying it had missed {n} agreed deadlines."),
            List.of("Much of the past week was spent arguing over sequencing: which steps come first, and what happens if one side falls behind.", "{Org} has offered to provide monitors, though it has not said how many or how quickly.",
                "Shipping companies and insurers are watching closely, since a deal could change routes and costs across the region.", "The talks have been held behind closed doors, and journalists have been kept away from the venue.",
                "Trade between {Country} and {country2} fell by about {share} per cent last year, according to customs figures.", "Several delegates said privately that they expected at least one more round before anything is signed.",
                "Neither government has published a full draft, and leaked details suggest several clauses are unresolved.", "Officials said the main sticking point was who would check that each side kept its commitments.",
                "In border districts, the uncertainty has kept schools closed for weeks at a time.", "Aid agencies estimate that about {people} people live in the areas most affected."),
            List.of("Past agreements in the region have tended to unravel in the months after signing, when the practical work began.", "{Country} and {country2} have tried to settle the issue several times, most recently {yearsago}.",
                "The dispute dates back decades, but it sharpened in {year} after a series of incidents along the frontier.", "Public opinion in {Country} has hardened, and surveys suggest most voters want a firmer line."),
            List.of(List.of("Every week without an agreement is a week in which ordinary families pay the cost", "We are closer than we have been for a long time. I would not say more than that",
                "Our red lines have not changed, and everyone at the table knows what they are", "We have come here in good faith, and we expect the same from the other side",
                "There is a deal to be had, but not at any price"),
                List.of("Nobody has explained how any of this will be enforced once the cameras leave",
                    "Our teams see the consequences every day, in clinics and in queues for water", "The people living along the border have heard promises like this before",
                    "Talks are not the same as results, and so far we have only had talks"),
                List.of("We have heard promises like this before. What we need is for something to actually change", "People here are tired. They just want to be able to plan their lives",
                    "My children ask me about it, and I do not know what to tell them", "Some of my neighbours are hopeful. I am trying to be")),
            List.of("a joint commission meeting every {n} weeks to settle disputes", "independent monitoring of the first {n} months, led by {org}", "guaranteed access for aid convoys to at least {n} towns",
                "compensation for families who lost land or property", "the release of detainees held by each side", "a review of the terms after {years}")),
        new Desk("Politics", "Parliaments, parties and the decisions that shape public life, at home and abroad.", List.of("the media regulation bill|the bill creating a new regulator for broadcasters and news websites|Press freedom",
                "the judicial appointments bill|the proposed overhaul of how senior judges are appointed|Justice", "the anti-corruption bill|the bill requiring ministers to publish their assets|Corruption",
                "the police powers bill|the bill expanding police powers to stop and search|Policing", "the new electoral law|the bill that would redraw constituency boundaries|Elections",
                "the asylum bill|the bill tightening the rules for people seeking asylum|Migration", "pension reform|the government's plan to raise the pension age|Pensions",
                "the budget|the government's spending plan for the coming year|Budget"),
                List.of("Parliament", "Government", "Opposition", "Courts", "Public opinion", "Coalitions"),
            "Supporters say the changes are long overdue. Opponents say they were drafted in a hurry and with too little scrutiny.",
            List.of("the Open Parliament Initiative", "the Centre for Constitutional Rights", "the Ballot Integrity Network", "the Public Accounts Watch"),
            List.of(List.of("{Country}'s interior minister", "the minister responsible for the bill", "a {sp} for the government"),
                List.of("the leader of {party3}, the main opposition party", "an opposition lawmaker on the constitutional affairs committee", "a senior member of {party2}"),
                List.of("a political scientist at the Varga Institute of Public Policy", "a constitutional lawyer and former adviser to parliament", "a pollster at the Linden Research Group"),
                List.of("a {age}-year-old voter in {City}", "a retired civil servant in {City}", "a delivery driver in {City}")),
            List.of("{Country}'s parliament passes {topic} after all-night session || Lawmakers in {Country} approved {issue} in the early hours of the morning, {votes}.",
                "Opposition in {Country} vows to block {topic} || Opposition parties in {Country} said {day} they would use every procedural tool available to stop {issue}.",
                "Coalition in {Country} splits over {topic} || The governing coalition in {Country} was thrown into crisis {day} when {party2} said it could no longer support {issue}.",
                "Protesters gather in {City} as lawmakers debate {topic} || Several thousand people protested in {City} {day} as lawmakers began debating {issue}.",
                "{Country}'s constitutional court suspends {topic} || {Country}'s constitutional court suspended {issue} {day} until judges have examined whether it is lawful.",
                "Minister resigns in {Country} over handling of {topic} || A senior minister in {Country} resigned {day}, saying in a letter that the government had mishandled {issue}.",
                "{Country} delays vote on {topic} until after the summer || The government in {Country} postponed a vote on {issue} {day}, admitting it did not yet have the numbers.",
                "Poll shows voters in {Country} divided over {topic} || Voters in {Country} are almost evenly split over {issue}, according to a survey published {day}.",
                "{Country}'s government pushes {topic} through final vote || The government in {Country} pushed {issue} through its final vote {day}, though opponents promised a court challenge.",
                "Ruling party in {Country} softens {topic} to win over rebels || The governing party in {Country} agreed {day} to water down {issue} to win back rebellious backbenchers.",
                "Lawmakers in {Country} reject {topic} in surprise vote || Lawmakers in {Country} unexpectedly voted down {issue} {day}, {votes}, after several coalition members broke ranks.",
                "{Country}'s government defends {topic} as critics warn of backlash || {Country}'s government defended {issue} {day}, telling parliament it could not put off difficult decisions any longer."),
            List.of("The text has been amended {n} times, and even some supporters concede that few lawmakers have read all of it.", "The government holds a narrow majority, and party whips spent the week courting undecided members.",
                "The finance ministry puts the cost at about {money}, though independent economists say it will be higher.", "Turnout at recent elections in {Country} has fallen, and trust in parliament is close to a record low.",
                "{Party}, which leads the governing coalition, has made the issue central to its pitch to voters.", "Business groups have backed the measure, while unions and civil society groups oppose it.",
                "Parliament's legal advisers have questioned whether parts of the text fit existing law.", "Opponents say the bill was rushed through committee, a charge the government denies.",
                "{Party3} has promised to repeal the measure if it wins the next election.", "Officials say the changes would take effect in stages over {years}."),
            List.of("The coalition was formed after an inconclusive election, and its members have clashed repeatedly since.", "At least {n} previous governments proposed similar measures, and none got them through parliament.",
                "The last major reform in this area, passed in {year}, was partly reversed by a later government.", "The government came to power {yearsago} promising to tackle the issue."),
            List.of(List.of("I understand the concerns, and I believe the amendments answer most of them", "Nobody pretends this is easy. But doing nothing would be far more costly",
                "We listened, we changed the text, and now it is time to vote", "This country has put off these decisions for far too long", "We have a mandate for this, and we intend to use it"),
                List.of("This is being pushed through at a speed that should worry everyone, whatever their politics", "If this passes in its current form, we will be back here in a year trying to fix it",
                    "The government did not campaign on this, and it has no mandate for it", "They are asking parliament to sign a blank cheque"),
                List.of("I will believe it when I see it", "Nobody asks people like us what we think until there is an election", "It is hard to know who to trust any more", "I just want them to stop arguing and get on with it")),
            List.of("a new independent body to oversee how the rules are applied", "stricter reporting rules for ministers and senior officials", "fines of up to {sum} for public bodies that fail to comply",
                "a public consultation before any further changes", "a review by parliament after {n} years", "changes phased in over {years}")),
        new Desk("Business", "Companies, markets, jobs and the money decisions that reach every household.", List.of("the construction slowdown|the construction industry|Construction|Construction,Builders,Infrastructure|construction",
                "the shipping slowdown|the shipping and logistics industry|Shipping|Shipping,Lines,Logistics|shipping", "the fall in farm incomes|the farming and food-processing sector|Agriculture|Foods,Agri,Farms|food",
                "the telecoms price war|the telecommunications sector|Telecoms|Telecom,Networks,Mobile|telecoms", "the steel industry's troubles|the steel industry|Manufacturing|Steel,Steelworks,Metals|steel",
                "the squeeze on retailers|high-street and online retail|Retail|Stores,Retail,Markets|retail", "the airline recovery|the airline industry|Aviation|Air,Airways,Aviation|airline",
                "the banking shake-up|the banking sector|Banking|Bank,Financial,Capital|banking", "the tourism rebound|the tourism industry|Tourism|Hotels,Travel,Resorts|tourism",
                "the mining boom|the mining industry|Mining|Mining,Resources,Minerals|mining"),
                List.of("Economy", "Jobs", "Interest rates", "Inflation", "Markets", "Trade", "Small business"),
            "The news adds to signs of strain in {Country}'s {sector} sector, which has been hit by higher costs and weaker demand.",
            List.of("the Federation of Small Enterprises", "the National Exporters' Council", "the Consumer Rights Alliance", "the Fair Pay Institute"),
            List.of(List.of("the chief executive of {company}", "{company}'s chief financial officer", "a {sp} for {company}"),
                List.of("the general secretary of the Allied Transport and Industry Union", "a union representative at {company}", "the chair of {org}"),
                List.of("the chief economist at Ardmore Securities", "an analyst at Kestrel Bay Partners who follows the {sector} sector", "a professor of economics at the Halden School of Business"),
                List.of("a {age}-year-old shift worker at {company}", "a shop owner in {City}", "a homeowner in {City} with a variable-rate mortgage")),
            List.of("{Company} to cut {jobs} jobs in cost-saving drive || {Company}, one of {Country}'s largest {sector} companies, said {day} that it would cut {jobs} jobs over the next year.",
                "{Country}'s central bank raises interest rates to {rate} per cent || {Country}'s central bank raised its main interest rate to {rate} per cent {day}, saying inflation was proving stubborn.",
                "Shares in {Company} fall {drop} per cent after profit warning || Shares in {Company} fell {drop} per cent {day} after the {sector} group warned that profits would miss forecasts.",
                "{Company} agrees {money} takeover of rival {Company2} || {Company} has agreed to buy its smaller rival {Company2} for {money}, creating one of the largest {sector} groups in {Country}.",
                "Strike at {Company} halts work at its main site in {City} || Workers at {Company} walked out {day}, halting its main site in {City} in a dispute over pay and hours.",
                "Inflation in {Country} eases to {pct} per cent as price pressures cool || Annual inflation in {Country} fell to {pct} per cent in {month}, official figures showed {day}.",
                "Regulator fines {Company} {fine} over misleading prices || {Country}'s consumer regulator fined {Company} {fine} {day} for misleading customers about prices and fees.",
                "{Company} announces {money} expansion near {City} || {Company} said {day} it would invest {money} in new facilities near {City}, creating about {jobs} jobs.",
                "Small firms in {Country} say rising costs threaten their survival || Small businesses in {Country} are struggling with energy, rent and wage costs, according to a survey published {day} by {org}.",
                "Chief executive of {Company} steps down after {years} in charge || The chief executive of {Company} will step down at the end of the year after {years} in charge, the company said {day}.",
                "Exporters in {Country}'s {sector} sector warn of lost orders || Exporters in {Country}'s {sector} sector warned {day} that they were losing orders to cheaper competitors abroad.",
                "{Company} and unions reach pay deal, ending {weekadj} dispute || {Company} and its unions reached a pay agreement {day}, ending a {weekadj} dispute that had disrupted operations."),
            List.of("The finance ministry expects growth to pick up later in the year, a forecast some economists call optimistic.", "{Company2}, a competitor, reported stronger results last month, helped by lower exposure to exports.",
                "The sector accounts for about {share} per cent of {Country}'s exports, according to government figures.", "Revenue at {Company} rose slightly last quarter, but wage and energy bills ate into its margins.",
                "Trade groups have asked for temporary help with energy costs, but ministers have so far refused.", "Economists said higher rates would be felt first by households with variable-rate mortgages.",
                "Companies across {issue} have been squeezed by higher borrowing costs and uneven demand.", "{Company} employs about {staff} people in {Country}, most of them in and around {City}.",
                "Shares in {Company} have fallen by about {share} per cent since the start of the year.", "Union officials said they wanted guarantees that no further job cuts were planned.",
                "Analysts said the figures pointed to a slowdown rather than a collapse."),
                List.of("{Issue} in {Country} went through a painful restructuring after {year}, when dozens of companies closed or merged.",
                "The central bank began raising rates {yearsago}, after inflation reached its highest level in two decades.", "Economists have long argued that {Country} relies too heavily on a handful of large employers.",
                "{Company} was founded in {City} in {year} and grew from a family firm into a household name."),
            List.of(List.of("Demand is there. The question is whether we can meet it at a price customers will pay", "We expect conditions to remain challenging for at least the next twelve months",
                "The underlying business is sound. What has changed is the cost of doing it", "These are difficult decisions, and we did not take them lightly", "Our priority is to protect as many jobs as we can"),
                List.of("Every time there is a downturn, the people at the bottom are the first to be cut", "Workers are being asked to pay for decisions they had no part in making",
                    "Shareholders have done very well over the past decade. Staff have not", "Small businesses do not have the cushion that the big groups have"),
                List.of("We have worked here for years. Nobody told us anything until this morning", "If the big companies are struggling, what chance do the small ones have?", "Everything costs more, and my wages have not moved",
                    "Customers are more careful with every purchase now")),
            List.of("a target of saving {sum} by the end of next year", "a review of the company's overseas operations", "a hiring freeze for the rest of the year", "new investment of {sum} in automation",
                "the closure of {n} regional offices", "annual revenue of about {money}")),
        new Desk("Science", "Research, health and technology, explained by people who check the evidence.", List.of("the air pollution study|the long-running study of air pollution and children's health|Public health",
                "the wild bee survey|the national survey of declining wild bee populations|Biodiversity", "the drought-resistant wheat programme|the programme developing drought-resistant wheat|Agriculture",
                "the sleep and memory study|the long-term study of sleep and memory in older adults|Ageing", "the antibiotic resistance study|the study tracking antibiotic resistance in hospitals|Health",
                "the gene therapy trial|the gene therapy trial for a rare inherited blood disorder|Medicine", "the malaria vaccine trial|the trial of a new malaria vaccine in {n} regions|Health",
                "the deep-sea survey|the survey of deep-sea life off the country's coast|Oceans"),
                List.of("Research", "Health", "Technology", "Universities", "Science policy"),
            "The researchers say their findings are preliminary, and independent scientists caution against reading too much into them yet.",
            List.of("the Halvard Institute", "the National Centre for Marine Research", "the Kessler Institute of Biomedical Research", "the Institute for Earth Sciences"),
            List.of(List.of("the project's principal investigator at {org}", "a senior researcher at {org}", "a {sp} for {org}"),
                List.of("a statistician at the Brennan School of Public Health", "the chair of the parliamentary science committee", "a patient advocate with the Open Trials Campaign"),
                List.of("an epidemiologist at the Marlow Institute who was not involved in the work", "a science policy researcher at the Lanthorn Institute", "an independent scientist who reviewed the findings for a journal"),
                List.of("a volunteer who took part in the study", "a patient in {City} who has followed the research closely", "a {age}-year-old science teacher in {City}")),
            List.of("Scientists in {City} report early results from {topic} || Researchers in {City} published the first results from {issue} {day}, calling them encouraging but preliminary.",
                "{Topic} in {Country} delayed by funding shortfall || {Issue} will be delayed by at least {months} after a shortfall in public funding, its researchers said {day}.",
                "Independent review questions methods behind {topic} || An independent review published {day} said some conclusions of {issue} went further than the data allowed.",
                "{Country} commits {money} to {topic} || The government of {Country} said {day} it would commit {money} over {years} to {issue}.",
                "New data from {topic} surprises researchers || Researchers working on {issue} said {day} that new data had contradicted several of their early assumptions.",
                "Ethics board in {Country} approves next phase of {topic} || An ethics board in {Country} approved the next phase of {issue} {day}, allowing the work to expand.",
                "Scientists warn that budget cuts could end {topic} || Scientists involved in {issue} warned {day} that proposed cuts could stop the work before it produced results.",
                "Team behind {topic} shares its full data with labs worldwide || The team behind {issue} said {day} it would make its full data set freely available to other researchers.",
                "{Topic} reaches milestone after {years} of work || {Issue} reached a milestone {day}, {years} after it began, with the first full round of analysis.",
                "{Country}'s science agency orders audit of {topic} || {Country}'s science agency ordered an audit of {issue} {day} after complaints about how data were stored.",
                "Team behind {topic} wins national research prize || The team behind {issue} won {Country}'s top research prize {day}, with judges praising the openness of its methods.",
                "{Topic} to expand to {sites} new sites across {Country} || {Issue} will expand to {sites} new sites across {Country}, its researchers said {day}."),
            List.of("The team includes scientists from {n} institutions, some of whom have worked on the problem for a decade.", "Much of the work so far has involved collecting and cleaning data, which rarely makes headlines.",
                "Independent scientists said the approach was sound but that similar early results had not always held up.", "The researchers cautioned that the sample was small and that larger studies would be needed.",
                "Funding comes mainly from public grants, with smaller sums from charitable foundations.", "Analysts were not told which group each sample came from, a step meant to reduce bias.",
                "The team published its methods in advance, a practice that is becoming more common.", "Scientists say that a negative result, if it comes, would still be valuable.", "The findings have not yet been peer reviewed.",
                "The work draws on {people} measurements collected over {years}."),
            List.of("The project was first proposed {yearsago}, when researchers argued that existing data were too patchy.", "Research in this area has advanced quickly, helped by cheaper equipment and better computing.",
                "{Country} has increased spending on science, although it still lags behind many neighbours.", "An earlier study in {year} produced promising results that later proved hard to reproduce."),
            List.of(List.of("Science moves slowly for good reasons. We want to be sure before we say anything more", "These are early results, but they are the kind of results we hoped to see",
                "The data are telling us something. Our job now is to find out what", "We have put everything online so that others can check our work",
                "We are being careful not to overstate what we have found"),
                List.of("Public money has been spent here, and the public deserves to see all of the data", "The headline claims go further than the evidence supports",
                    "There are still serious questions about how the samples were chosen", "I would want to see these results repeated by an independent team"),
                List.of("People here want to know what the results mean for them, not just for journals", "I took part because I wanted my children to have better options than I did", "I hope they keep going. These things take time",
                    "The researchers explained everything clearly, which made a difference")),
            List.of("publication of the full data set within {n} months", "a public summary of the findings in plain language", "a larger follow-up study involving more sites", "independent checks on how samples are stored",
                "new funding of {sum} over {years}", "extra technicians at each site")),
        new Desk("Climate", "Weather, energy and the environment, and how communities are adapting to a warming world.", List.of("the flood defence programme|the programme to strengthen flood defences along rivers and coasts|Flooding",
                "the emissions target|the government's target for cutting greenhouse gas emissions by 2035|Emissions", "the coal phase-out|the plan to close the country's remaining coal-fired power stations|Energy",
                "the national heat plan|the national plan for protecting people during extreme heat|Heatwaves", "the solar farm expansion|the expansion of large solar farms on public land|Renewable energy",
                "the wildfire response plan|the plan for preventing and fighting wildfires|Wildfires", "the forest protection law|the law restricting logging in protected forests|Forests",
                "the water rationing plan|the water rationing introduced during the drought|Drought"),
                List.of("Climate change", "Energy", "Environment", "Extreme weather", "Agriculture", "Adaptation"),
            "Scientists say the pace of change is outrunning the plans meant to deal with it, and communities near {City} feel it first.",
            List.of("the Northern Rivers Water Authority", "the Coastal Resilience Agency", "the Meridian Energy Cooperative", "the Highland Forestry Service"),
            List.of(List.of("{Country}'s environment minister", "a {sp} for {Country}'s energy ministry", "the director of {org}"),
                List.of("a campaigner with the Greenway Coalition", "the head of a farmers' cooperative near {City}", "a lawyer representing residents opposed to the plan"),
                List.of("a climate scientist at the Tern Institute for Environmental Research", "an energy economist at the Halden Centre", "a hydrologist at the National Water Laboratory"),
                List.of("a {age}-year-old farmer near {City}", "a resident of a flood-prone street in {City}", "a schoolteacher in {City}")),
            List.of("{Country} delays {topic} as costs rise || The government of {Country} said {day} it would delay {issue}, citing rising costs and warnings from industry.",
                "Record heat in {City} adds urgency to debate over {topic} || Temperatures in {City} reached {temp} degrees Celsius {day}, a record for {month}, sharpening the debate over {issue}.",
                "Residents near {City} challenge {topic} in court || Residents living near {City} filed a legal challenge {day} against {issue}, saying its effects were never properly assessed.",
                "{Country} unveils {money} in funding for {topic} || The government of {Country} announced {money} in new funding for {issue} {day}.",
                "Floods in {City} renew questions about {topic} || Heavy rain flooded parts of {City} {day}, forcing hundreds of people from their homes and renewing questions about {issue}.",
                "Environmental groups accuse {Country} of backtracking on {topic} || Environmental groups in {Country} accused the government {day} of quietly weakening {issue}.",
                "Farmers in {Country} say {topic} ignores their concerns || Farmers' groups in {Country} said {day} that {issue} would hit rural incomes hardest.",
                "Regional authority approves {topic} after years of debate || The regional authority responsible for {City} approved {issue} {day}, ending years of hearings and objections.",
                "Scientists say {topic} falls short of what is needed || Scientists advising the government said {day} that {issue} fell well short of the country's own goals.",
                "Drought leaves reservoirs near {City} at {reservoir} per cent of capacity || Reservoirs serving {City} were at {reservoir} per cent of capacity {day}, according to {org}.",
                "{Org} warns that {topic} is behind schedule || {Org} warned {day} that {issue} was well behind schedule, with only a fraction of the planned work done.",
                "Insurers raise premiums in {City} as climate risks mount || Home insurance premiums around {City} have risen by up to {premium} per cent in a year, according to figures published {day}."),
            List.of("Most of the country's electricity still comes from fossil fuels, though the share from renewables is growing.", "Grid operators warn that connecting new solar and wind projects is taking years longer than planned.",
                "Industry groups say they support the goals but want more time and more certainty about costs.", "Local authorities say they lack the staff and money to carry out measures already agreed.",
                "Critics say the plan relies too heavily on technologies that are not yet proven at scale.", "The government promises a progress report every year, but earlier reports were delayed.",
                "The changes would affect about {people} households, according to government estimates.", "Residents in low-lying areas complain that warnings often come too late to be useful.",
                "Several of the hottest summers on record in the region have come in the past decade.", "Officials put the cost at about {money} over {years}, mostly from public budgets."),
            List.of("Earlier schemes were criticised for being drawn up with little input from the communities most affected.", "The region was hit by severe flooding in {year}, which still shapes how residents think about risk.",
                "Average temperatures in the region have risen by more than one degree Celsius since records began.", "{Country} committed {yearsago} to net zero emissions by the middle of the century."),
            List.of(List.of("We are balancing the need for speed against the need to bring people with us", "This is the most ambitious programme of its kind this country has attempted",
                    "We have to act on the evidence, even when the evidence is uncomfortable", "Every year we wait, the work becomes harder and more expensive", "No community will be left to deal with this on its own"),
                List.of("People here are already living with the consequences, and they cannot wait for another review", "We support the goal. We do not support a plan that puts the whole burden on rural families",
                    "Every delay is a decision, and it is a decision with costs", "The targets sound impressive. The delivery does not"),
                List.of("My grandparents farmed this land. I am not sure my children will be able to", "Every summer we wonder whether this will be the year the water runs out", "The seasons are not what they were when I was young",
                    "I want to do the right thing, but someone has to help with the cost")),
            List.of("support for farmers switching to less water-intensive crops", "a public register tracking progress against each target", "{sum} for local councils to carry out adaptation work",
                "cooling centres in every district during heatwaves", "early-warning systems for floods and extreme heat", "stricter rules on building in flood-prone areas")),
        new Desk("Culture", "Books, film, music, art and the arguments that come with them.", List.of("the national theatre's new season|the national theatre's first season under its new artistic director|Theatre",
                "the restitution exhibition|the museum's exhibition of artefacts returned from collections abroad|Museums", "the restored market hall|the restored old market hall, now an arts centre|Heritage",
                "the Harbour Lights film festival|the Harbour Lights film festival|Film", "the Riverside music festival|the Riverside music festival|Music", "the renovated opera house|the newly renovated opera house|Opera",
                "the national book fair|the national book fair|Books", "the street art biennale|the street art biennale|Art"),
                List.of("Arts", "Arts funding", "Festivals", "Tourism", "Heritage", "Performing arts"),
            "Organisers say audiences are coming back. Artists say the money is still not reaching the people who make the work.",
            List.of("the Independent Venues Network", "the Arts and Heritage Trust", "the Friends of the Old Town", "the Performers' Guild"),
            List.of(List.of("the artistic director", "the chair of the organising board", "{Country}'s culture minister"),
                List.of("a painter and member of the {City} Artists' Union", "a theatre critic for the Lantern Review", "the head of {org}"),
                List.of("a cultural historian at the Lanthorn Institute", "an arts economist who has studied festival funding", "a former museum director who now advises arts groups"),
                List.of("a {age}-year-old who was there on the opening night", "a retired teacher who comes every year", "a visitor from {city2}")),
            List.of("{Topic} opens in {City} with record ticket sales || {Issue} opened in {City} {day} with record advance sales, in a year when many venues have struggled.",
                "Funding row threatens future of {topic} || The future of {issue} was thrown into doubt {day} after the regional government said it would review its funding.",
                "Artists call for boycott of {topic} over sponsorship deal || More than a hundred artists called {day} for a boycott of {issue} over its sponsorship deal with {company}, a mining group.",
                "Critics praise daring programme of {topic} || Critics have praised the programme of {issue} as the most adventurous in years.",
                "{Topic} draws {crowd} visitors in its first weekend || {Issue} drew about {crowd} visitors over its first weekend, organisers said {day}.",
                "Organisers of {topic} apologise after accessibility complaints || The organisers of {issue} apologised {day} after visitors with disabilities complained that several venues were hard to enter.",
                "Local artists say they are sidelined by {topic} || Artists based in {City} say {issue} has left them out in favour of established names from abroad.",
                "{Topic} brought {grant} into local economy, study finds || {Issue} brought about {grant} into the economy of {City} last year, according to a study published {day}.",
                "Director of {topic} resigns after clash with board || The director of {issue} resigned {day}, citing disagreements with the board over programming and budgets.",
                "Tickets for {topic} sell out within hours || Tickets for {issue} sold out within hours {day}, prompting complaints about resale sites.",
                "Young audiences flock to {topic} in {City} || Young people made up more than a third of the audience at {issue} this year, according to figures released {day}.",
                "{Topic} returns to {City} with a smaller budget and bigger ambitions || {Issue} returned to {City} {day} with a smaller budget than last year and a more ambitious programme."),
            List.of("Organisers have promised a review of how artists are selected, after complaints that the process is opaque.", "Ticket prices have risen by about a fifth since last year, which organisers blame on higher costs.",
                "Several productions were developed with community groups in {City}, including schools and a local choir.", "This year's programme includes work by artists from {n} countries and a strand for first-time creators.",
                "The event relies on dozens of seasonal staff and hundreds of volunteers, many of them students.", "Local restaurants and hotels report their busiest weeks of the year while the event is running.",
                "Some regular visitors say the event has become more commercial, with pricier premium tickets.", "Public money covers roughly half of the budget; tickets, sponsors and donors cover the rest.",
                "Critics have singled out the programme's willingness to take risks with lesser-known names.", "Organisers say they have spent more this year on ramps, captions and quiet spaces."),
            List.of("Cultural institutions in {Country} were hit hard by the pandemic closures, and many are still rebuilding audiences.", "Debates over who gets public money for the arts, and who decides, have grown more heated.",
                "{City} has long prided itself on its cultural life, and its leaders use it to attract visitors.", "Arts budgets in {Country} have been squeezed for more than a decade."),
            List.of(List.of("We wanted a programme that surprises people, including people who think this kind of thing is not for them", "We have had to make hard choices about money, but we have not compromised on quality",
                    "Culture is not a luxury. It is part of how a city understands itself", "The response from audiences has been better than we dared to hope",
                    "Every artist here has something urgent to say"),
                List.of("It looks wonderful from the front row. Backstage, people are exhausted and underpaid",
                    "A cultural event that local people cannot afford is not really for the city", "Too much of the money goes to the same few names year after year",
                    "We asked for a conversation, and we got a press release"),
                List.of("It was the best evening I have had in this city for years", "I loved it, but the tickets are getting expensive",
                    "I come every year, and every year it surprises me", "It felt like the whole city turned out")),
            List.of("captioned and relaxed performances throughout the run", "{n} premieres, several of them by first-time artists", "discounted tickets for students and people over 65", "a programme of workshops for schools",
                "free events in neighbourhoods outside the centre", "a new award for emerging artists")),
        new Desk("Local", "Council decisions, schools, transport and the neighbourhood stories that matter close to home.", List.of("the school closure plan|the plan to close or merge {n} primary schools with falling rolls|Education",
                "the affordable housing scheme|the affordable housing scheme on the former rail depot site|Housing", "the waste collection overhaul|the overhaul of household waste and recycling collections|Waste",
                "the low-traffic scheme|the low-traffic scheme covering several residential streets|Transport", "the new tram line|the proposed tram line from the northern suburbs to the centre|Transport",
                "the rent cap|the council's proposed cap on rent increases for private tenants|Housing", "the bus network overhaul|the council's plan to cut and merge bus routes|Transport",
                "the riverside park redevelopment|the redevelopment of the riverside park|Parks", "the library hours cut|the decision to cut library opening hours|Libraries"),
            List.of("City council", "Local government", "Community", "Public services", "Budget", "Neighbourhoods"),
            "Council officials say the changes are needed to balance the budget. Residents in {district} say they will bear the brunt.",
            List.of("the Northgate Housing Trust", "the Eastside Community Forum", "the Citizens' Transport Alliance", "the Friends of the Riverside"),
            List.of(List.of("the deputy mayor of {City}", "the council's director of public services", "a {sp} for the city council"),
                List.of("a member of the {district} residents' association", "an opposition councillor", "a campaigner with {org}"),
                List.of("an urban planning researcher at the Corvin School of Architecture", "a former council chief executive who now advises local authorities", "a transport consultant who has worked with several city governments"),
                List.of("a {age}-year-old resident of {district}", "a parent of two in {district}", "a retired bus driver who has lived in {district} for decades")),
            List.of("Council approves {topic} despite residents' objections || {City}'s city council approved {issue} {day}, {votes}, despite hundreds of objections.",
                "Residents in {district} launch petition against {topic} || Residents in {district} have launched a petition against {issue}, gathering {signatures} signatures in a week.",
                "Council delays decision on {topic} for further consultation || A decision on {issue} has been postponed after councillors in {City} asked for more time.",
                "Shopkeepers in {district} fear loss of trade from {topic} || Shopkeepers in {district} say {issue} could drive away customers at a difficult time.",
                "Council admits {topic} will cost more than planned || Officials in {City} acknowledged {day} that {issue} would cost about {grant} more than budgeted.",
                "Packed meeting in {district} hears anger over {topic} || More than {hall} people crowded into a hall in {district} {day} to question officials about {issue}.",
                "Council leader defends {topic} as ‘the right thing to do’ || The leader of {City}'s city council defended {issue} {day}, saying the city could not keep postponing hard choices.",
                "{Topic} to go ahead after councillors reject last-minute pause || {Issue} will go ahead after councillors in {City} voted {day} against a last-minute pause.",
                "Survey finds most residents of {City} back {topic} || Most residents of {City} support {issue}, according to a council survey published {day}.",
                "Independent review criticises council's handling of {topic} || An independent review published {day} said residents were given too little information about {issue}.",
                "Older residents in {district} fear being left behind by {topic} || Older people in {district} say {issue} has left them feeling ignored, according to a local charity.",
                "Council in {City} pauses {topic} after legal challenge || The city council in {City} has paused {issue} after residents lodged a legal challenge."),
            List.of("Officials received more than {signatures} responses to the consultation, a record for a local proposal.", "Councillors from the governing group have backed the plan; opposition members want it scrapped.",
                "Local businesses are split, with some welcoming the changes and others warning of lost trade.", "Several residents said they had learned about the plans only from neighbours or social media.",
                "Disability groups have asked for guarantees that accessible alternatives will be provided.", "The council says the changes will help close a budget gap of about {grant} next year.",
                "Officials have promised to monitor the effects for {months} and publish the results.", "The council's grant from central government has been cut several years in a row.",
                "Officials acknowledged that communication with residents could have been better.", "Residents of {district} would be affected most directly."),
            List.of("{City}'s population has grown by about {share} per cent in a decade, straining housing and transport.", "A similar scheme elsewhere in the city was introduced {yearsago} and later partly reversed.",
                "Local elections are due next year, and the issue is expected to feature prominently.", "The proposal was first floated {yearsago} but shelved after protests."),
            List.of(List.of("This is about making the city work for the people who will live here in twenty years", "We know this is disruptive, and we are sorry for that. But it is necessary",
                    "In five years' time I think people will wonder what the fuss was about", "We have listened carefully, and we have changed the plans in response",
                    "Doing nothing is not an option. The money simply is not there"),
                List.of("Councillors have had years to plan for this, and they left it to the last minute",
                    "Show us the figures and we will engage with them. So far we have seen slogans", "They are balancing the books on the backs of the people with the least", "The consultation was a box-ticking exercise"),
                List.of("It already takes my mother an hour to get to the clinic. This will make it worse", "I think it will help in the long run, but the next year is going to be hard",
                    "We are not against change. We are against change that is done to us", "Nobody from the council came to ask us what we thought")),
            List.of("an independent assessment of the effects on local businesses", "extra support for older and disabled residents", "public meetings in each affected neighbourhood", "a six-month trial before any final decision",
                "quarterly progress reports to councillors", "a phone line and web page for questions")));

    // Templates shared by all sections. {p} is the person speaking in the current paragraph, {q} one of their quotes.
    private static final List<String> SPOKEN_OPEN = List.of("“{q},” {p,} said, adding that discussions were continuing.", "Asked about the criticism, {p,} said: “{q}.”", "In a phone interview, {p,} said: “{q}.”", "“{q},” said {p}.",
            "“{q},” {p,} told reporters in {City}.", "Speaking in {City}, {p,} said: “{q}.”", "“{q},” {p,} said in an interview.", "“{q},” {p,} said {day}.");
    private static final List<String> CRITIC_OPEN = List.of("The reaction from opponents was swift. “{q},” said {p}.", "Opponents were quick to respond. “{q},” {p,} said.", "Not everyone is convinced. “{q},” said {p}.",
            "Critics were unimpressed. “{q},” said {p}.");
    private static final List<String> EXPERT_OPEN = List.of("{P,} said the latest developments fitted a familiar pattern. “{q},” {p.he} said.", "Some observers are more cautious. “{q},” said {p}.", "“{q},” {p,} said in an interview.",
            "{P,} urged caution. “{q},” {p.he} said.", "“{q},” said {p}.");
    private static final List<String> VOICE_OPEN = List.of("Among those following events closely is {p}. “{q},” {p.he} said.", "{P,} said {p.he} had been following the news closely. “{q}.”", "{P,} put it simply: “{q}.”",
            "“{q},” {p,} said.", "“{q},” said {p}.");
    private static final List<String> QUOTE_MORE = List.of("{P.he} added: “{q}.”", "{P.he} went on: “{q}.”", "Later, {p.he} said: “{q}.”");
    private static final List<String> LATER_OPEN = List.of("{P} returned to the point later. “{q},” {p.he} said.", "Asked about the criticism, {p} said: “{q}.”", "{P} went further. “{q},” {p.he} said.", "“{q},” {p} said later.",
            "{P} was blunt. “{q}.”", "“{q},” {p} said.");
    private static final List<String> PUBLIC_QUOTES = List.of("We will manage. We always do. But it should not be this hard", "Some of my neighbours are hopeful. I am trying to be", "Nobody asks people like us what we think",
            "I will believe it when I see it");
    private static final List<String> SAY_MORE = List.of("{P.he} said {p.his} main concern was how the changes would work in practice.", "{P.he} acknowledged that not everyone would be satisfied with the outcome.",
            "{P.he} said {p.he} expected the debate to continue for some time.", "{P.he} added that the coming weeks would be decisive.", "{P.he} said that earlier warnings had been ignored.", "{P.he} declined to give a timetable.",
            "{P.he} declined to go into detail.");
    private static final List<String> INTERVIEW_ANSWERS = List.of("When the conversation turned to the critics, {p.he} chose {p.his} words carefully. “{q},” {p.he} said.", "Asked what {p.he} would do differently, {p.he} said: “{q}.”",
            "{P.he} rejected the suggestion that the process had been rushed. “{q},” {p.he} said.", "Asked whether the criticism had been fair, {p.he} paused before answering. “{q}.”", "Pressed on the cost, {p.he} said: “{q}.”",
            "On the question of timing, {p.he} was direct: “{q}.”");
    private static final List<String> INTERVIEW_QUOTES = List.of("If I could change one thing, I would have started the public conversation much earlier", "Nobody in my position should pretend to have all the answers",
            "I have learned more from the people who disagree with me than from those who agree", "The criticism is part of the job. Some of it has been useful", "There were moments when I thought it would not happen");
    private static final List<String> EXPERT_QUOTES = List.of("What matters most is whether the institutions involved can actually carry this out", "The real test is not the announcement but what happens in the six months after it",
            "Nobody should expect a quick resolution. The incentives all point towards delay", "We have seen this pattern before, and it rarely ends the way its authors expect", "The numbers are less dramatic than either side claims",
            "In the end, this will be judged on whether ordinary people notice a difference", "There is more agreement behind the scenes than the public arguments suggest", "It is a reasonable first step, but only a first step");
    private static final List<String> CONTEXT = List.of("Local media have covered the story extensively, and it has been widely discussed online.", "Much of the debate has focused on cost, though fairness has become a bigger theme.",
            "The episode has shown how hard it is to build agreement on long-term questions.", "Supporters and opponents alike say the outcome is likely to set a precedent.", "Surveys suggest many people have yet to form a firm view.",
            "The issue has drawn attention well beyond {Country}.");
    private static final List<String> NEXT = List.of("Opponents say they will keep up the pressure, including through the courts if necessary.", "Further meetings are scheduled for later this month, though the timetable could slip.",
            "For now, many of those most affected are waiting to see what the coming weeks bring.", "It was not immediately clear when a final decision would be taken.", "{Org2} said it would publish its own assessment within {weeks}.",
            "Officials said more details would be released in the coming days.");
    private static final List<String> BULLET_INTROS = List.of("The main elements, according to a summary published by officials, are:", "Officials listed the main measures as:", "The key points set out {day} include:",
            "Among the details released so far:");
    private static final List<String> STATEMENT_INTROS = List.of("In a written statement, {p,} said:", "{P,} later issued a statement that read in part:", "A statement released {day} by {p,} read in part:");
    private static final List<String> LINKS = List.of("{Org} has published [a summary of its findings](https://example.org/reports/{slug}-summary), including the data behind them.",
            "A [timeline of the key decisions](https://example.org/{section}/{slug}-timeline) is available on our website.", "Our [earlier reporting on {topic}](https://example.org/{section}/{slug}) sets out the background.",
            "The [full text of the proposal](https://example.org/documents/{slug}) runs to {pages} pages.");
    private static final List<String> SUBHEADS = List.of("The numbers behind the decision", "Critics remain unconvinced", "A long-running debate", "Questions about cost", "A test for {Country}", "Reaction in {City}", "How we got here",
            "What happens next");
    private static final List<String> EXPLAINER_SUBHEADS_EARLY = List.of("What is being proposed?", "Why does it matter now?", "What has happened so far?");
    private static final List<String> EXPLAINER_SUBHEADS_LATE = List.of("Who supports it, and who does not?", "How much will it cost?", "What happens next?");
    private static final List<String> OPINION_SUBHEADS = List.of("The harder question", "What should happen instead", "Who pays for delay", "A choice, not a necessity");
    private static final List<String> NEWS_STANDFIRSTS = List.of("Supporters and critics read the news very differently, and important questions about cost and fairness remain unanswered.",
            "Officials say the next few weeks will be decisive for {topic}, which has divided opinion in {Country} for {months}.",
            "It is the latest turn in the long-running story of {topic}, and few people in {City} expect it to be the last.", "Both sides claim the evidence is on their side. The details, and the timing, tell a more complicated story.",
            "The move affects people across {Country}, and early reaction in {City} suggests the argument is far from over.",
            "Supporters and critics agree on one thing: the coming months will show whether {topic} can work in practice.");
    private static final List<String> ANALYSIS_HEADLINES = List.of("Behind the row over {topic}, an older argument about who decides", "For {Where}, {topic} is as much about trust as about money",
            "Why {topic} has become a test of credibility in {Where}", "The numbers behind {topic} tell a more complicated story", "What the fight over {topic} reveals about {Where}");
    private static final List<String> ANALYSIS_LEADS = List.of("When {issue} was first announced, supporters presented it as a straightforward fix. Months later, it looks anything but straightforward.",
            "On paper, the argument over {issue} is about details. In practice, it has become a proxy for a larger question about who decides.",
            "It is tempting to read the latest row over {issue} as a story about personalities. The more important story is about incentives.");
    private static final List<String> ANALYSIS_STANDFIRSTS = List.of("The arguments over {issue} are about more than the details. They reveal deeper tensions over trust, money and who gets to decide.",
            "Beneath the headlines, the numbers and the politics of {issue} point in different directions.");
    private static final List<String> EXPLAINER_HEADLINES = List.of("What {topic} means for people in {Where}", "The key questions about {topic}, answered", "How {topic} works, and why it matters now", "{Topic}: what we know so far",
            "{Topic} in {Where}, explained");
    private static final List<String> EXPLAINER_LEADS = List.of("{Issue} has been in the news for weeks, but many basic facts remain unclear to the people it will affect. Here is what we know so far.",
            "The debate over {issue} can be hard to follow. This guide sets out what is proposed, who supports it and what could happen next.",
            "Few subjects in {Where} have caused as much argument this year as {issue}. Here is a guide to the main questions.");
    private static final List<String> EXPLAINER_STANDFIRSTS = List.of("What is being proposed, who supports it, who is against it, and what could happen next: a guide to {issue}.",
            "A plain guide to {issue}, and to the questions people in {Where} are asking about it.");
    private static final List<String> FEATURE_HEADLINES = List.of("In {City}, {topic} is no longer an abstract debate", "The people of {City} who will decide whether {topic} works", "A long wait in {City} as {topic} takes shape");
    private static final List<String> FEATURE_LEADS = List.of("Ask people in {City} about {issue} and the answers come quickly, and rarely in agreement. {P4,} is no exception.",
            "The light was fading over {City} when {p4,} sat down to explain what {issue} means for {p4.his} family.", "Most mornings, {p4,} is up before dawn, and the first thing {p4.he} checks is the news about {issue}.",
            "In a small flat on the edge of {City}, {p4,} keeps a folder of newspaper cuttings about {issue}.");
    private static final List<String> FEATURE_STANDFIRSTS = List.of("In {City}, {issue} is not an abstract policy question. It shapes daily routines, family budgets and plans for the future.",
            "We spent time with people in {City} whose lives are bound up with {issue}, and heard hope, frustration and patience.");
    private static final List<String> INTERVIEW_HEADLINES = List.of("{p1.full} says the hardest part of {topic} is still ahead", "{p1.full} on {topic}, the critics and what comes next", "In conversation: {p1.full} on {topic}",
            "‘We have to get this right’: {p1.full} on {topic}");
    private static final List<String> INTERVIEW_LEADS = List.of("{P1,} has spent much of the past year at the centre of the argument over {issue}. In an interview in {City}, {p1.he} spoke about the criticism and what comes next.",
            "Few people have been as closely involved in {issue} as {p1}. {P1.he} spoke to us in {City}; the conversation has been edited for length and clarity.",
            "When {p1,} agreed to talk about {issue}, {p1.he} set one condition: that the conversation be about substance, not personalities. We met in {City}.");
    private static final List<String> INTERVIEW_STANDFIRSTS = List.of("{p1.full} on the pressures, the compromises and the critics of {issue}, and on what {p1.he} would do differently.",
            "In a wide-ranging interview, {p1.full}, {p1.role}, talks about {issue} and the criticism it has drawn.");
    private static final List<String> OPINION_HEADLINES = List.of("{Topic} deserves better than another year of half-measures", "We are asking the wrong questions about {topic}", "Stop treating {topic} as someone else's problem",
            "{Where} cannot afford to get {topic} wrong", "It is time to be honest about {topic}", "The case for slowing down on {topic}");
    private static final List<String> OPINION_STANDFIRSTS = List.of("{Issue} has become a test of whether {Where} can make hard decisions. So far, it is not passing.",
            "The debate over {issue} is stuck. Breaking the deadlock means admitting some uncomfortable truths.", "There is no painless option on {issue}, and pretending otherwise is the real risk.");
    private static final List<String> OPINION_OPENINGS = List.of("I have followed the debate over {issue} for a long time, and I have rarely seen it as confused as it is now.",
            "Every few months, {issue} returns to the headlines, and every few months we have the same argument.", "There is a comfortable story about {issue} that officials like to tell, and it is mostly wrong.");
    private static final List<String> OPINION_BODY = List.of("If the past {years} have taught us anything, it is that waiting for perfect conditions means waiting forever.", "None of this is new, and that is precisely the point.",
            "There are risks in moving quickly. There are also risks in standing still, and those are rarely counted.", "Ask the people who deal with the consequences every day, and you hear a different story.",
            "I do not doubt the good intentions of those in charge. I doubt their sense of urgency.", "What is missing is not money or expertise. It is a willingness to be held to account.",
            "The problem is not a lack of information; it is a lack of willingness to act on it.", "There is a better way to do this, and it starts with being honest about trade-offs.",
            "It would help if those making the decisions spent more time in places like {City}.", "The debate has become a contest of slogans, and slogans do not build anything.",
            "The numbers matter, but so does trust, and trust has been in short supply.", "It is worth remembering who bears the cost when decisions are delayed.", "We should be suspicious of anyone who claims the answer is simple.",
            "Supporters and critics are both guilty of overstating their case.");
    private static final List<String> OPINION_QUOTES = List.of("As {p,} put it recently, “{q}.”", "“{q},” {p,} said last week. That is true as far as it goes.");
    private static final List<String> OPINION_CLOSINGS = List.of("If we get this right, few people will notice. If we get it wrong, everyone will.", "The choice is ours to make, and we should make it with our eyes open.",
            "It is not too late, but it is getting later.");
    private static final List<String> UPDATE_NOTES = List.of("Adds a statement from {company}, which had not responded when this article was first published.", "Updated with a statement from {org} and further detail on the timetable.",
            "Adds background on earlier attempts to resolve the dispute and a response from {p1.full}.", "Adds the government's response and updated figures on the number of people affected.", "Adds comments from {p2.full}, {p2.role}.",
            "Updated with final figures released by {Country}'s statistics office.", "Adds details of the vote and reaction from opposition lawmakers.", "Adds reaction from residents in {City}.");
    private static final List<String> CORRECTION_NOTES = List.of("An earlier version of this article gave an incorrect figure for the cost of the project. It is expected to cost {money}.",
            "An earlier version of this article incorrectly said that {p2.full} supported the proposal. {P2.he} opposes it.", "An earlier version of this article overstated the number of jobs at risk. The correct figure is {jobs}.",
            "An earlier version of this article misstated when {org} was founded. It was founded in {year}.", "An earlier version of this article misstated the year the {structure} opened; it was {year}.",
            "An earlier version of this article gave the wrong title for {p1.full}. {P1.he} is {p1.role}.", "An earlier version of this article said the meeting took place {day2}. It took place {day}.",
            "An earlier version of this article misspelled the name of {p2.full}, {p2.role}.");
    private static final List<String> BIOS = List.of("{name} reports on {beat}. {He} is based in {base}, speaks {langs} languages and is interested in how national decisions play out in smaller places.",
            "{name} covers {beat} from {base}. {He} previously worked at {outlet} and has reported from more than {count} countries.", "{name} writes about {beat} and edits one of the weekly newsletters. {He} lives in {base}.",
            "{name} is a {role} who writes about {beat}. Before joining, {he} spent {years} as a reporter in {base} and {base2}.",
            "{name} joined as a {role} after {years} at {outlet}, where {he} covered {beat2}. {He} is now based in {base}.");
    private static final List<String> BEATS = List.of("local government and housing", "energy and climate policy", "business and the economy", "politics and elections", "diplomacy and security", "culture and the arts", "migration",
            "transport and cities", "science and health", "courts and justice", "education");
    private static final List<String> OUTLETS = List.of("the Coastline Herald", "the Meridian Post", "the Valley Chronicle", "the Lantern Review", "Radio Tessaro", "the Morning Quill");
    private static final List<String> STAFF_ROLES = List.of("senior correspondent", "staff reporter", "data reporter", "deputy editor", "correspondent", "features writer");
}
