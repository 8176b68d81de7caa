package dateline.moderation;

import java.net.URI;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the spam classifier looks at in a comment: its words and pairs of words, pieces of words (which
 * survive spellings such as "v1agra"), the sites it links to and how many links it has, phone numbers,
 * sums of money, handles and shouting, the scripts it is written in, its length, and the name and website
 * the commenter gave. Each is present or absent; none is counted twice.
 */
final class SpamFeatures {
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>\"']+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\s*(?:\\.|\\bdot\\b)\\s*(?:com|net|org|info|biz|example|xyz|top|ru|io)\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern PHONE = Pattern.compile("(?:\\+|\\b)\\d(?:[\\s.-]?\\d){8,14}\\b");
    private static final Pattern MONEY = Pattern.compile("(?i)[$€£₹]\\s?\\d|\\d[\\d,.]*\\s?(?:usd|dollars?|euros?|pounds?|k\\b)");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w.])@[A-Za-z0-9_]{3,}");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    private static final Pattern HREF = Pattern.compile("(?i)href\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    private static final Pattern MASHED = Pattern.compile("[a-z]{7,}");
    private static final Pattern CONSONANT_RUN = Pattern.compile("[bcdfghjklmnpqrstvwxz]{4,}");
    /** Sites that shorten addresses, so that a reader cannot see where a link leads. */
    private static final Set<String> SHORTENERS = Set.of("bit.ly", "ow.ly", "goo.gl", "tinyurl.com", "t.co", "is.gd",
            "buff.ly", "cutt.ly", "rebrand.ly", "shorturl.at", "rb.gy", "tiny.cc", "t.ly", "s.id", "v.gd");
    /** Letters spaced out one by one ("c h e a p"), a way of hiding words and addresses from filters. */
    private static final Pattern SPACED = Pattern.compile("(?<!\\S)(?:\\S ){3,}\\S(?!\\S)");
    private static final Pattern PIECE_WORD = Pattern.compile("[\\p{L}\\p{N}$@]+");
    /** A line with a digit in it, as {@code String.matches(".*\\d.*")} reads it, compiled once. */
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final Pattern SPOKEN_DOT = Pattern.compile("(?i)\\s*\\bdot\\b\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern WEB_SCHEME = Pattern.compile("(?i)^https?://.*");
    private static final int MAX_WORD = 25;
    /** What is read of a long text: enough to judge it, few enough features to look up quickly. */
    private static final int MAX_TEXT = 6_000;
    private static final int MAX_FIELD = 300;

    private SpamFeatures() {}

    static Set<String> of(String name, String website, String text) {
        Set<String> features = new LinkedHashSet<>();
        String typed = normal(clip(text, MAX_TEXT));
        if (SPACED.matcher(typed).find()) {
            features.add("shape:spaced letters");
            typed = SPACED.matcher(typed).replaceAll(m -> Matcher.quoteReplacement(m.group().replace(" ", "")));
        }
        List<String> hrefs = HREF.matcher(typed).results().map(r -> r.group(1)).toList();
        String body = unescaped(TAG.matcher(typed).replaceAll(" "));
        List<String> links = new java.util.ArrayList<>(hrefs);
        // the addresses found once, for the links and for the words between them (the pattern is costly to run)
        String words = withoutAddresses(body, links);
        features.add("links:" + (links.size() >= 3 ? "3+" : links.size()));
        for (String link : links) {
            String domain = domainOf(link);
            features.add("link:" + domain);
            if (SHORTENERS.contains(domain)) features.add("shape:shortened link");
        }
        addWords(features, "w:", "b:", words);
        addPieces(features, words);
        if (PHONE.matcher(body).find()) features.add("shape:phone number");
        if (MONEY.matcher(body).find()) features.add("shape:sum of money");
        if (HANDLE.matcher(text == null ? "" : text).find()) features.add("shape:handle");
        if (EMAIL.matcher(body).find()) features.add("shape:email address");
        if (shouts(text)) features.add("shape:shouting");
        if (body.chars().filter(c -> c == '!').count() >= 3) features.add("shape:exclamations");
        addScripts(features, body);
        int length = body.length();
        features.add("length:" + (length < 20 ? "short" : length < 100 ? "medium" : length < 400 ? "long" : "very long"));

        String who = normal(clip(name, MAX_FIELD));
        List<String> nameLinks = new java.util.ArrayList<>();
        addWords(features, "n:", "nb:", withoutAddresses(who, nameLinks));
        if (!nameLinks.isEmpty()) features.add("name:link");
        if (HAS_DIGIT.matcher(who).matches()) features.add("name:digits");
        if (looksMashed(who)) features.add("name:keyboard mash");
        long nameWords = WORD.matcher(who).results().count();
        features.add("name:words " + (nameWords >= 4 ? "4+" : nameWords));

        String site = normal(clip(website, MAX_FIELD));
        if (!site.isBlank()) {
            features.add("site:given");
            features.add("site:" + domainOf(site));
        }
        return features;
    }

    /**
     * The text with each web address found in it replaced by a space, as {@code URL.matcher(text).replaceAll(" ")}
     * makes it; the addresses are added to {@code found}, in order.
     */
    private static String withoutAddresses(String text, List<String> found) {
        Matcher m = URL.matcher(text);
        if (!m.find()) return text;
        StringBuilder rest = new StringBuilder(text.length());
        int done = 0;
        do {
            found.add(m.group());
            rest.append(text, done, m.start()).append(' ');
            done = m.end();
        } while (m.find());
        return rest.append(text, done, text.length()).toString();
    }

    private static void addWords(Set<String> features, String single, String pair, String text) {
        String previous = null;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (word.length() > MAX_WORD) word = word.substring(0, MAX_WORD);
            if (word.chars().allMatch(Character::isDigit)) word = word.length() >= 4 ? "#long-number" : "#number";
            features.add(single + word);
            if (previous != null) features.add(pair + previous + " " + word);
            previous = word;
        }
    }

    /** Pieces of four characters of each word, so that misspellings meant to get past filters still match. */
    private static void addPieces(Set<String> features, String text) {
        Matcher m = PIECE_WORD.matcher(text);
        while (m.find()) {
            String word = "_" + m.group() + "_";
            if (word.length() > MAX_WORD + 2) continue;
            for (int i = 0; i + 4 <= word.length(); i++) features.add("c:" + word.substring(i, i + 4));
        }
    }

    private static void addScripts(Set<String> features, String text) {
        text.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of).distinct()
                .forEach(script -> features.add("script:" + script.name().toLowerCase(Locale.ROOT)));
    }

    /** A name like "hbfuebueg": one run of lower-case letters that no language would put together. */
    static boolean looksMashed(String name) {
        String n = name.strip();
        if (!MASHED.matcher(n).matches()) return false;
        long vowels = n.chars().filter(c -> "aeiouy".indexOf(c) >= 0).count();
        return vowels * 3 < n.length() || CONSONANT_RUN.matcher(n).find();
    }

    private static String unescaped(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("\uFEFF", "");
    }

    private static boolean shouts(String text) {
        if (text == null) return false;
        long letters = text.codePoints().filter(Character::isLetter).count();
        long capitals = text.codePoints().filter(Character::isUpperCase).count();
        return letters >= 12 && capitals * 2 > letters;
    }

    static String domainOf(String link) {
        String cleaned = SPACE.matcher(SPOKEN_DOT.matcher(link).replaceAll(".")).replaceAll("");
        try {
            String host = URI.create(WEB_SCHEME.matcher(cleaned).matches() ? cleaned : "https://" + cleaned).getHost();
            if (host == null) return "unknown";
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    /**
     * A feature in words for the newsroom ("a link to pills.example", "the word “casino”"), or null for the
     * pieces of words, which mean little alone.
     */
    static String describe(String feature) {
        int colon = feature.indexOf(':');
        if (colon < 0) return null;
        String value = feature.substring(colon + 1);
        return switch (feature.substring(0, colon)) {
            case "w" -> value.equals("#number") ? "a number" : value.equals("#long-number") ? "a long number"
                    : "the word “" + value + "”";
            case "b" -> value.matches("#\\S+ #\\S+") ? null
                    : "the words “" + value.replace("#long-number", "…").replace("#number", "…") + "”";
            case "link" -> "a link to " + value;
            case "links" -> switch (value) {
                case "0" -> "no links";
                case "1" -> "one link";
                case "2" -> "two links";
                default -> "three links or more";
            };
            case "shape" -> switch (value) {
                case "shouting", "exclamations", "spaced letters" -> value;
                case "email address" -> "an email address";
                default -> "a " + value;
            };
            // the script of nearly every comment here says nothing about any one of them
            case "script" -> value.equals("latin") ? null : "letters of the " + value.replace('_', ' ') + " script";
            case "length" -> switch (value) {
                case "short" -> "a short text";
                case "medium" -> "a text of medium length";
                default -> "a " + value + " text";
            };
            case "n" -> "the name’s word “" + value + "”";
            case "nb" -> "the name “" + value + "”";
            case "name" -> switch (value) {
                case "link" -> "a link in the name";
                case "digits" -> "digits in the name";
                case "keyboard mash" -> "a name like a keyboard mash";
                case "words 0" -> "a name without letters";
                case "words 1" -> "a name of one word";
                case "words 4+" -> "a name of four words or more";
                default -> "a name of " + value.substring("words ".length()) + " words";
            };
            case "site" -> value.equals("given") ? "a website given" : "the website " + value;
            default -> null;
        };
    }

    /**
     * How general a feature is, for choosing which to name: 0 for the sites a comment links to, its shapes
     * and an odd name; 1 for its words; 2 for its length, its number of links and the like.
     */
    static int generality(String feature) {
        if (feature.startsWith("link:") || feature.startsWith("site:") && !feature.equals("site:given")
                || feature.startsWith("shape:") || feature.startsWith("script:")
                || feature.equals("name:link") || feature.equals("name:digits") || feature.equals("name:keyboard mash")) {
            return 0;
        }
        boolean word = feature.startsWith("w:") || feature.startsWith("b:") || feature.startsWith("n:")
                || feature.startsWith("nb:");
        return word && !feature.contains("#") ? 1 : 2;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String normal(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
