package dateline.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ArticleDatesTest {
    private static final Instant PUBLISHED = Instant.parse("2024-06-20T07:38:00Z");

    @Test
    void an_article_never_updated_shows_no_last_updated_line() {
        assertThat(ArticleDates.lastUpdatedToShow(PUBLISHED, null)).isNull();
        assertThat(ArticleDates.modifiedAt(PUBLISHED, null)).isEqualTo(PUBLISHED);
    }

    @Test
    void a_significant_update_after_publication_is_shown_and_is_the_modified_date() {
        Instant updated = PUBLISHED.plusSeconds(3600);
        assertThat(ArticleDates.lastUpdatedToShow(PUBLISHED, updated)).isEqualTo(updated);
        assertThat(ArticleDates.modifiedAt(PUBLISHED, updated)).isEqualTo(updated);
    }

    @Test
    void an_update_stamped_at_or_before_publication_is_not_shown() {
        assertThat(ArticleDates.lastUpdatedToShow(PUBLISHED, PUBLISHED)).isNull();
        assertThat(ArticleDates.lastUpdatedToShow(PUBLISHED, PUBLISHED.minusSeconds(60))).isNull();
        assertThat(ArticleDates.modifiedAt(PUBLISHED, PUBLISHED.minusSeconds(60))).isEqualTo(PUBLISHED);
    }

    @Test
    void an_unpublished_article_has_no_dates_to_show() {
        assertThat(ArticleDates.lastUpdatedToShow(null, PUBLISHED)).isNull();
    }

    @Test
    void the_permalink_takes_the_publication_day_in_the_sites_timezone() {
        Instant lateInLondon = Instant.parse("2024-06-20T23:30:00Z");
        assertThat(Permalinks.pathOf("storm-warning", lateInLondon, ZoneId.of("Europe/London")))
                .isEqualTo("/2024/06/21/storm-warning/");
        assertThat(Permalinks.pathOf("storm-warning", lateInLondon, ZoneId.of("America/Chicago")))
                .isEqualTo("/2024/06/20/storm-warning/");
    }
}
