package dateline.feeds;

import dateline.articles.ArticleService;
import dateline.articles.ArticleSummary;
import dateline.articles.PublicAddress;
import dateline.site.SiteSettings;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The sitemaps search engines read: an index naming one sitemap file per id range of each kind of public
 * page (articles, sections, tags, authors), each file listing at most {@code perFile} addresses with the
 * time each last changed in substance; and the Google News sitemap of the articles published in the last
 * 48 hours, at most 1,000. Rows are written as they are read, never held as articles.
 */
final class Sitemaps {
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** The sitemap protocol's limit of addresses in one file. */
    static final int MAX_PER_FILE = 50_000;
    static final int NEWS_LIMIT = 1_000;
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    private static final Pattern FILE = Pattern.compile("([a-z]+)-([1-9][0-9]{0,8})\\.xml");
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ArticleService articles;
    private final String baseUrl;
    private final Clock clock;
    private final int perFile;
    private final int newsLimit;

    /** With the protocols' limits: 50,000 addresses a sitemap file, 1,000 in the news sitemap. */
    Sitemaps(ArticleService articles, String baseUrl, Clock clock) {
        this(articles, baseUrl, clock, MAX_PER_FILE, NEWS_LIMIT);
    }

    /** With smaller limits, so that a test can reach them without writing fifty thousand articles. */
    Sitemaps(ArticleService articles, String baseUrl, Clock clock, int perFile, int newsLimit) {
        if (perFile < 1 || perFile > MAX_PER_FILE) throw new IllegalArgumentException("Between 1 and 50,000 addresses a file");
        if (newsLimit < 1 || newsLimit > NEWS_LIMIT) throw new IllegalArgumentException("Between 1 and 1,000 news articles");
        this.articles = articles;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.perFile = perFile;
        this.newsLimit = newsLimit;
    }

    /** A written sitemap and the latest change among what it lists (null when it lists nothing). */
    record Written(String xml, Instant lastModified) {}

    /** One file of the sitemap: a kind of page and the number of its id range. */
    record File(PublicAddress.Kind kind, int number) {
        String path() {
            return "/sitemaps/" + kind.code() + "-" + number + ".xml";
        }

        /** The file a name such as {@code articles-2.xml} names, if it names one. */
        static Optional<File> named(String name) {
            Matcher m = FILE.matcher(name);
            if (!m.matches()) return Optional.empty();
            return PublicAddress.Kind.ofCode(m.group(1)).map(kind -> new File(kind, Integer.parseInt(m.group(2))));
        }
    }

    Written index() {
        StringWriter out = new StringWriter();
        Instant newest = null;
        try {
            XMLStreamWriter xml = start(out, "sitemapindex", SITEMAP_NS);
            for (PublicAddress.Kind kind : PublicAddress.Kind.values()) {
                for (Map.Entry<Integer, Instant> range : articles.addressRanges(kind, perFile).entrySet()) {
                    xml.writeStartElement("sitemap");
                    element(xml, "loc", baseUrl + new File(kind, range.getKey()).path());
                    if (range.getValue() != null) element(xml, "lastmod", w3c(range.getValue()));
                    xml.writeEndElement();
                    newest = latest(newest, range.getValue());
                }
            }
            return new Written(finish(xml, out), newest);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the sitemap index", e);
        }
    }

    /** One file of the sitemap, or empty when no public page falls in its id range. */
    Optional<Written> file(File file) {
        StringWriter out = new StringWriter();
        Instant[] newest = {null};
        int[] count = {0};
        try {
            XMLStreamWriter xml = start(out, "urlset", SITEMAP_NS);
            articles.eachAddress(file.kind(), file.number(), perFile, address -> {
                try {
                    xml.writeStartElement("url");
                    element(xml, "loc", baseUrl + address.path());
                    if (address.lastModified() != null) element(xml, "lastmod", w3c(address.lastModified()));
                    xml.writeEndElement();
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
                newest[0] = latest(newest[0], address.lastModified());
                count[0]++;
            });
            String written = finish(xml, out);
            return count[0] == 0 ? Optional.empty() : Optional.of(new Written(written, newest[0]));
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the sitemap " + file.path(), e);
        }
    }

    /** The Google News sitemap: articles published in the last 48 hours, newest first, at most 1,000 (the limit). */
    Written news(SiteSettings settings) {
        Instant since = clock.instant().minus(NEWS_WINDOW);
        List<ArticleSummary> recent = articles.publishedAfter(since, newsLimit);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = start(out, "urlset", SITEMAP_NS);
            xml.writeNamespace("news", NEWS_NS);
            String language = settings.language().toLowerCase(Locale.ROOT);
            for (ArticleSummary a : recent) {
                xml.writeStartElement("url");
                element(xml, "loc", baseUrl + a.path());
                xml.writeStartElement("news", "news", NEWS_NS);
                xml.writeStartElement("news", "publication", NEWS_NS);
                xml.writeStartElement("news", "name", NEWS_NS);
                xml.writeCharacters(settings.title());
                xml.writeEndElement();
                xml.writeStartElement("news", "language", NEWS_NS);
                xml.writeCharacters(language);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement("news", "publication_date", NEWS_NS);
                xml.writeCharacters(w3c(a.publishedAt()));
                xml.writeEndElement();
                xml.writeStartElement("news", "title", NEWS_NS);
                xml.writeCharacters(a.headline());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            Instant newest = recent.stream().map(ArticleSummary::modifiedAt).max(Instant::compareTo).orElse(null);
            return new Written(finish(xml, out), newest);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the news sitemap", e);
        }
    }

    /** {@code robots.txt}: everything may be crawled but the newsroom, and here are the sitemaps. */
    String robots() {
        return "User-agent: *\nDisallow: /admin\n\nSitemap: " + baseUrl + "/sitemap.xml\nSitemap: " + baseUrl
                + "/news-sitemap.xml\n";
    }

    private static XMLStreamWriter start(StringWriter out, String root, String namespace) throws XMLStreamException {
        XMLStreamWriter xml = XML.createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement(root);
        xml.writeDefaultNamespace(namespace);
        return xml;
    }

    private static String finish(XMLStreamWriter xml, StringWriter out) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** A moment as the sitemap protocol writes it (W3C Datetime), to the second, in UTC. */
    static String w3c(Instant moment) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(moment.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
