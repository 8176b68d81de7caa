package dateline.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaFileTest {
    private final MediaFile photo = new MediaFile(7, "harbour.jpg", "image/jpeg", 1000, 750, 123_456, "Boats at dawn",
            null, Instant.parse("2024-06-20T07:38:00Z"), List.of(
                    variant(480, 360), variant(960, 720), variant(1000, 750)));

    @Test
    void its_address_is_that_of_the_widest_variant() {
        assertThat(photo.url()).isEqualTo("/media/2024/06/abc-harbour-w1000.jpg");
    }

    @Test
    void the_address_for_a_width_is_the_narrowest_variant_at_least_that_wide_else_the_widest() {
        assertThat(photo.urlFor(100)).isEqualTo("/media/2024/06/abc-harbour-w480.jpg");
        assertThat(photo.urlFor(480)).isEqualTo("/media/2024/06/abc-harbour-w480.jpg");
        assertThat(photo.urlFor(481)).isEqualTo("/media/2024/06/abc-harbour-w960.jpg");
        assertThat(photo.urlFor(2400)).isEqualTo("/media/2024/06/abc-harbour-w1000.jpg");
    }

    @Test
    void its_srcset_names_every_variant_with_its_width() {
        assertThat(photo.srcset()).isEqualTo("/media/2024/06/abc-harbour-w480.jpg 480w, "
                + "/media/2024/06/abc-harbour-w960.jpg 960w, /media/2024/06/abc-harbour-w1000.jpg 1000w");
    }

    private static MediaVariant variant(int width, int height) {
        return new MediaVariant(width, height, "2024/06/abc-harbour-w" + width + ".jpg", "image/jpeg", width * 10L);
    }
}
