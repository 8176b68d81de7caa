package dateline.media;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MediaRoutesTest {
    private TestSite site;
    private Path storeRoot;
    private Http http;
    private MediaFile photo;

    @BeforeEach
    void serveMedia() {
        site = TestSite.serving();
        storeRoot = site.dataDir().resolve("media");
        MediaService media = site.wiring().media();
        photo = media.upload("harbour.jpg", Images.withExif(Images.jpeg(1000, 600), 1), null, "Boats");
        http = site.http();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Nested
    class A_variant {
        @Test
        void is_served_with_its_type_length_and_a_cache_header_for_a_year() {
            MediaVariant variant = photo.variants().get(1);
            HttpResponse<byte[]> response = http.getBytes(variant.url());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(response.headers().firstValue("Content-Length")).hasValue(Long.toString(variant.byteSize()));
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(response.headers().firstValue("ETag")).isPresent();
            assertThat(response.body()).hasSize((int) variant.byteSize());
            assertThat(Images.read(response.body()).getWidth()).isEqualTo(variant.width());
            assertThat(Images.containsText(response.body(), "Exif")).isFalse();
        }

        @Test
        void answers_head_with_the_same_headers_and_no_body() {
            MediaVariant variant = photo.variants().get(0);
            HttpResponse<String> response = http.head(variant.url());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Length")).hasValue(Long.toString(variant.byteSize()));
            assertThat(response.body()).isEmpty();
        }

        @Test
        void is_not_sent_again_to_a_client_that_holds_it() {
            String url = photo.variants().get(0).url();
            String etag = http.getBytes(url).headers().firstValue("ETag").orElseThrow();
            assertThat(http.getBytes(url, "If-None-Match", etag).statusCode()).isEqualTo(304);
        }
    }

    @Nested
    class Not_found {
        @Test
        void is_the_answer_for_an_originals_key() {
            String originalKey = storeRoot.relativize(originals().get(0)).toString();
            assertThat(originalKey).startsWith("originals/");
            assertThat(http.getBytes("/media/" + originalKey).statusCode()).isEqualTo(404);
        }

        @Test
        void is_the_answer_for_an_unknown_key_or_a_path_out_of_the_store() {
            assertThat(http.getBytes("/media/2024/06/0000000000000000-nothing-w480.jpg").statusCode()).isEqualTo(404);
            assertThat(http.getBytes("/media/..%2F..%2Fdateline.db").statusCode()).isEqualTo(404);
        }
    }

    private List<Path> originals() {
        try (Stream<Path> paths = Files.walk(storeRoot.resolve("originals"))) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
