package dateline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dateline.accounts.Account;
import dateline.testing.TestSite;
import dateline.web.InvalidInput;
import dateline.web.PageRequest;
import dateline.web.Paged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MediaServiceTest {
    private static final long TEN_MEGABYTES = 10L * 1024 * 1024;

    private TestSite site;
    private Path storeRoot;
    private MediaService media;
    private Account alice;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        storeRoot = site.dataDir().resolve("media");
        media = new MediaService(site.wiring().database().jdbi(), new LocalMediaStore(storeRoot), site.clock(),
                () -> TEN_MEGABYTES);
        alice = site.anAuthor("Alice Moreau");
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    @Nested
    class Uploading {
        @Test
        void a_jpeg_is_kept_with_its_size_its_uploader_and_variants_named_after_it() {
            byte[] photo = Images.jpeg(1200, 800);
            MediaFile file = media.upload("Harbour at Dawn.jpg", photo, alice.id(), "Boats leaving the harbour");

            assertThat(file.originalName()).isEqualTo("Harbour at Dawn.jpg");
            assertThat(file.contentType()).isEqualTo("image/jpeg");
            assertThat(file.width()).isEqualTo(1200);
            assertThat(file.height()).isEqualTo(800);
            assertThat(file.byteSize()).isEqualTo(photo.length);
            assertThat(file.uploadedBy()).isEqualTo(alice.id());
            assertThat(file.createdAt()).isEqualTo(site.clock().instant());
            assertThat(file.variants()).extracting(MediaVariant::width).containsExactly(480, 960, 1200);
            assertThat(file.variants()).allSatisfy(v -> {
                assertThat(v.key()).matches("2024/06/[0-9a-f]{16}-harbour-at-dawn-w" + v.width() + "\\.jpg");
                assertThat(v.contentType()).isEqualTo("image/jpeg");
                assertThat(stored(v.key())).hasSize((int) v.byteSize());
            });
            assertThat(media.byId(file.id())).contains(file);
        }

        @Test
        void a_wide_photo_gets_every_standard_width_and_nothing_wider() {
            MediaFile file = media.upload("panorama.jpg", Images.jpeg(2600, 500), alice.id(), "");
            assertThat(file.variants()).extracting(MediaVariant::width).containsExactly(480, 960, 1600, 2400);
        }

        @Test
        void a_png_with_transparency_gets_png_variants() {
            MediaFile file = media.upload("logo.png", Images.pngWithTransparency(600, 400), alice.id(), "");
            assertThat(file.contentType()).isEqualTo("image/png");
            assertThat(file.variants()).extracting(MediaVariant::width).containsExactly(480, 600);
            assertThat(file.variants()).extracting(MediaVariant::contentType).containsOnly("image/png");
            assertThat(file.variants()).allSatisfy(v -> assertThat(v.key()).endsWith(".png"));
        }

        @Test
        void a_small_gif_gets_one_jpeg_variant_at_its_own_width() {
            MediaFile file = media.upload("chart.gif", Images.gif(300, 200), alice.id(), "");
            assertThat(file.contentType()).isEqualTo("image/gif");
            assertThat(file.variants()).extracting(MediaVariant::width, MediaVariant::height,
                    MediaVariant::contentType).containsExactly(tuple(300, 200, "image/jpeg"));
        }

        @Test
        void a_webp_gets_jpeg_variants() {
            MediaFile file = media.upload("sunset.webp", Images.webp600x400(), alice.id(), "");
            assertThat(file.contentType()).isEqualTo("image/webp");
            assertThat(file.width()).isEqualTo(600);
            assertThat(file.variants()).extracting(MediaVariant::width).containsExactly(480, 600);
            assertThat(file.variants()).extracting(MediaVariant::contentType).containsOnly("image/jpeg");
            assertThat(Images.read(stored(file.variants().get(0).key())).getWidth()).isEqualTo(480);
        }

        @Test
        void its_kind_comes_from_its_bytes_not_its_name() {
            MediaFile file = media.upload("photo.jpg", Images.opaquePng(200, 100), alice.id(), "");
            assertThat(file.contentType()).isEqualTo("image/png");
            assertThat(filesUnder("originals")).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".png"));
        }

        @Test
        void a_name_in_another_script_or_with_a_folder_still_gives_a_plain_key() {
            MediaFile file = media.upload("C:\\Users\\desk\\東京.jpg", Images.jpeg(200, 100), null, "");
            assertThat(file.originalName()).isEqualTo("東京.jpg");
            assertThat(file.uploadedBy()).isNull();
            assertThat(file.variants().get(0).key()).matches("2024/06/[0-9a-f]{16}-image-w200\\.jpg");
        }

        @Test
        void the_original_is_kept_as_uploaded_under_originals_by_month() {
            byte[] photo = Images.jpeg(640, 480);
            media.upload("street.jpg", photo, alice.id(), "");
            assertThat(filesUnder("originals")).singleElement().satisfies(p -> {
                assertThat(storeRoot.relativize(p).toString()).matches("originals/2024/06/[0-9a-f]{32}\\.jpg");
                assertThat(read(p)).isEqualTo(photo);
            });
        }
    }

    @Nested
    class Refusing {
        @Test
        void a_file_over_the_size_limit() {
            byte[] big = Arrays.copyOf(Images.jpeg(100, 100), (int) (12.3 * 1024 * 1024));
            assertRefused("big.jpg", big, "file", "This file is 12.3 MB; the largest upload is 10 MB.");
        }

        @Test
        void an_svg_saying_why() {
            byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8);
            assertRefused("logo.svg", svg, "file", "SVG images are not accepted, because they can carry scripts.");
        }

        @Test
        void an_html_file_named_like_a_photo() {
            byte[] html = "<!doctype html><title>x</title><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
            assertRefused("photo.jpg", html, "file", "Upload a JPEG, PNG, WebP or GIF image.");
        }

        @Test
        void a_text_file_and_an_empty_one() {
            assertRefused("notes.png", "meeting at noon".getBytes(StandardCharsets.UTF_8), "file",
                    "Upload a JPEG, PNG, WebP or GIF image.");
            assertRefused("empty.gif", new byte[0], "file", "Upload a JPEG, PNG, WebP or GIF image.");
        }

        @Test
        void a_truncated_jpeg() {
            byte[] photo = Images.jpeg(800, 600);
            assertRefused("cut.jpg", Arrays.copyOf(photo, photo.length * 2 / 3), "file",
                    "This image could not be read; it may be damaged.");
        }

        @Test
        void a_png_whose_header_claims_a_hundred_thousand_pixels_a_side() {
            assertRefused("bomb.png", Images.pngClaiming(100_000, 100_000), "file",
                    "This image is 100000 × 100000 pixels; the largest we accept is 12,000 pixels on a side and "
                            + "40 megapixels in all.");
        }

        @Test
        void alt_text_over_three_hundred_characters() {
            assertThatThrownBy(() -> media.upload("a.jpg", Images.jpeg(100, 100), alice.id(), "x".repeat(301)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("alt"));
            assertNothingKept();
        }

        @Test
        void and_when_the_record_cannot_be_written_the_stored_files_are_deleted_again() {
            // no account has this id, so the database refuses the record after the files were written
            assertThatThrownBy(() -> media.upload("a.jpg", Images.jpeg(700, 500), 999_999L, ""))
                    .isNotInstanceOf(InvalidInput.class);
            assertNothingKept();
        }

        private void assertRefused(String name, byte[] bytes, String field, String message) {
            assertThatThrownBy(() -> media.upload(name, bytes, alice.id(), ""))
                    .isInstanceOfSatisfying(InvalidInput.class,
                            e -> assertThat(e.problems()).containsEntry(field, message));
            assertNothingKept();
        }

        private void assertNothingKept() {
            assertThat(media.library(PageRequest.first(10)).items()).isEmpty();
            assertThat(filesUnder("")).isEmpty();
        }
    }

    @Nested
    class Privacy {
        @Test
        void variants_carry_no_exif_while_the_private_original_keeps_what_was_uploaded() {
            byte[] photo = Images.withExif(Images.jpeg(1100, 700), 1);
            MediaFile file = media.upload("source.jpg", photo, alice.id(), "");
            assertThat(file.variants()).hasSize(3).allSatisfy(v -> {
                assertThat(Images.containsText(stored(v.key()), "Exif")).isFalse();
                assertThat(Images.read(stored(v.key())).getWidth()).isEqualTo(v.width());
            });
            assertThat(filesUnder("originals")).singleElement().satisfies(p -> assertThat(read(p)).isEqualTo(photo));
        }

        @Test
        void an_originals_key_names_no_variant() {
            media.upload("source.jpg", Images.jpeg(500, 300), alice.id(), "");
            String originalKey = storeRoot.relativize(filesUnder("originals").get(0)).toString();
            assertThat(media.variant(originalKey)).isEmpty();
        }
    }

    @Nested
    class Reusing {
        @Test
        void the_same_bytes_uploaded_twice_are_one_media_file() {
            byte[] photo = Images.jpeg(900, 600);
            MediaFile first = media.upload("first.jpg", photo, alice.id(), "Market day");
            int files = filesUnder("").size();
            site.clock().advance(Duration.ofDays(40));

            MediaFile second = media.upload("again.jpg", photo, alice.id(), "");
            assertThat(second).isEqualTo(first);
            assertThat(filesUnder("")).hasSize(files);
            assertThat(media.library(PageRequest.first(10)).items()).hasSize(1);
        }
    }

    @Nested
    class AltText {
        @Test
        void is_kept_from_the_upload_and_can_be_changed() {
            MediaFile file = media.upload("a.jpg", Images.jpeg(300, 200), alice.id(), "  Crowd at the rally ");
            assertThat(file.altText()).isEqualTo("Crowd at the rally");

            MediaFile described = media.describe(file.id(), "Crowd outside parliament at the rally");
            assertThat(described.altText()).isEqualTo("Crowd outside parliament at the rally");
            assertThat(media.byId(file.id()).orElseThrow().altText()).isEqualTo("Crowd outside parliament at the rally");
        }

        @Test
        void over_three_hundred_characters_is_refused_and_the_old_text_stays() {
            MediaFile file = media.upload("a.jpg", Images.jpeg(300, 200), alice.id(), "Crowd");
            assertThatThrownBy(() -> media.describe(file.id(), "y".repeat(301)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("alt"));
            assertThat(media.byId(file.id()).orElseThrow().altText()).isEqualTo("Crowd");
        }

        @Test
        void cannot_be_given_to_a_media_file_that_does_not_exist() {
            assertThatThrownBy(() -> media.describe(424242, "Anything"))
                    .isInstanceOf(MediaService.MediaNotFound.class);
        }
    }

    @Nested
    class Library {
        @Test
        void pages_newest_first_without_gaps_or_repeats_and_back_again() {
            List<Long> uploaded = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // two uploads share each moment, so the id decides between them
                if (i % 2 == 0) site.clock().advance(Duration.ofMinutes(5));
                uploaded.add(media.upload("p" + i + ".jpg", Images.jpeg(100 + i, 80), alice.id(), "").id());
            }
            List<Long> newestFirst = new ArrayList<>(uploaded);
            Collections.reverse(newestFirst);

            List<Long> seen = new ArrayList<>();
            List<Paged<MediaFile>> pages = new ArrayList<>();
            PageRequest request = PageRequest.first(3);
            while (true) {
                Paged<MediaFile> page = media.library(request);
                pages.add(page);
                page.items().forEach(m -> seen.add(m.id()));
                if (page.older() == null) break;
                request = new PageRequest(page.older(), null, 3);
            }
            assertThat(seen).isEqualTo(newestFirst);
            assertThat(pages).extracting(p -> p.items().size()).containsExactly(3, 3, 2);
            assertThat(pages.get(0).newer()).isNull();
            assertThat(pages.get(1).newerIsFirstPage()).isTrue();
            assertThat(pages.get(2).newer()).isNotNull();

            Paged<MediaFile> back = media.library(new PageRequest(null, pages.get(2).newer(), 3));
            assertThat(back.items()).extracting(MediaFile::id).containsExactlyElementsOf(newestFirst.subList(3, 6));
            assertThat(back.items()).allSatisfy(m -> assertThat(m.variants()).isNotEmpty());
        }

        @Test
        void finds_media_files_by_id_in_the_order_asked_leaving_out_unknown_ids() {
            MediaFile a = media.upload("a.jpg", Images.jpeg(120, 80), alice.id(), "");
            MediaFile b = media.upload("b.jpg", Images.jpeg(121, 80), alice.id(), "");
            MediaFile c = media.upload("c.jpg", Images.jpeg(122, 80), alice.id(), "");
            assertThat(media.byIds(List.of(c.id(), 999L, a.id(), b.id()))).containsExactly(c, a, b);
            assertThat(media.byIds(List.of())).isEmpty();
        }
    }

    private byte[] stored(String key) {
        return read(storeRoot.resolve(key));
    }

    private List<Path> filesUnder(String folder) {
        Path start = storeRoot.resolve(folder);
        if (!Files.exists(start)) return List.of();
        try (Stream<Path> paths = Files.walk(start)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
