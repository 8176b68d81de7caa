package dateline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.web.InvalidInput;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImageVariantsTest {
    @Nested
    class Widths {
        @Test
        void a_wide_image_gets_every_standard_width() {
            assertThat(ImageVariants.widthsFor(3000)).containsExactly(480, 960, 1600, 2400);
            assertThat(ImageVariants.widthsFor(2400)).containsExactly(480, 960, 1600, 2400);
        }

        @Test
        void an_image_between_two_widths_gets_one_at_its_own_width_and_none_wider() {
            assertThat(ImageVariants.widthsFor(1000)).containsExactly(480, 960, 1000);
            assertThat(ImageVariants.widthsFor(960)).containsExactly(480, 960);
        }

        @Test
        void an_image_narrower_than_every_width_gets_one_variant_at_its_own_width() {
            assertThat(ImageVariants.widthsFor(300)).containsExactly(300);
        }
    }

    @Nested
    class Variants {
        @Test
        void keep_the_proportions_and_are_listed_narrowest_first() {
            ImageVariants.Prepared prepared = ImageVariants.prepare(Images.jpeg(1200, 800), ImageKind.JPEG);
            assertThat(prepared.width()).isEqualTo(1200);
            assertThat(prepared.variants()).extracting(ImageVariants.Resized::width).containsExactly(480, 960, 1200);
            assertThat(prepared.variants()).extracting(ImageVariants.Resized::height).containsExactly(320, 640, 800);
            for (ImageVariants.Resized r : prepared.variants()) {
                BufferedImage decoded = Images.read(r.bytes());
                assertThat(decoded.getWidth()).isEqualTo(r.width());
                assertThat(decoded.getHeight()).isEqualTo(r.height());
            }
        }

        @Test
        void are_png_for_an_image_with_transparent_pixels_and_keep_them_transparent() {
            ImageVariants.Prepared prepared = ImageVariants.prepare(Images.pngWithTransparency(600, 400), ImageKind.PNG);
            assertThat(prepared.variants()).extracting(ImageVariants.Resized::kind)
                    .containsOnly(ImageKind.PNG);
            BufferedImage smallest = Images.read(prepared.variants().get(0).bytes());
            assertThat(smallest.getRGB(10, 10) >>> 24).isZero();
            assertThat(smallest.getRGB(10, smallest.getHeight() - 10) >>> 24).isEqualTo(0xFF);
        }

        @Test
        void are_jpeg_for_an_opaque_png_a_gif_and_a_webp() {
            assertThat(ImageVariants.prepare(Images.opaquePng(500, 300), ImageKind.PNG).variants())
                    .extracting(ImageVariants.Resized::kind).containsOnly(ImageKind.JPEG);
            assertThat(ImageVariants.prepare(Images.gif(500, 300), ImageKind.GIF).variants())
                    .extracting(ImageVariants.Resized::kind).containsOnly(ImageKind.JPEG);
            assertThat(ImageVariants.prepare(Images.webp600x400(), ImageKind.WEBP).variants())
                    .extracting(ImageVariants.Resized::kind).containsOnly(ImageKind.JPEG);
        }

        @Test
        void carry_no_exif_of_the_upload() {
            byte[] photo = Images.withExif(Images.jpeg(700, 500), 1);
            assertThat(Images.containsText(photo, "Exif")).isTrue();
            for (ImageVariants.Resized r : ImageVariants.prepare(photo, ImageKind.JPEG).variants()) {
                assertThat(Images.containsText(r.bytes(), "Exif")).isFalse();
                assertThat(hasSegment(r.bytes(), 0xE1)).as("an APP1 segment").isFalse();
            }
        }

        @Test
        void stand_a_photo_upright_as_the_camera_was_held() {
            // a landscape frame from a camera held on its side: it reads upright turned a quarter clockwise
            ImageVariants.Prepared prepared = ImageVariants.prepare(Images.withExif(Images.jpeg(600, 400), 6),
                    ImageKind.JPEG);
            assertThat(prepared.width()).isEqualTo(400);
            assertThat(prepared.height()).isEqualTo(600);
            BufferedImage upright = Images.read(prepared.variants().get(0).bytes());
            assertThat(upright.getWidth()).isEqualTo(400);
            // the dark corner, top left in the frame, is now top right
            assertThat(brightness(upright.getRGB(upright.getWidth() - 20, 20))).isLessThan(40);
            assertThat(brightness(upright.getRGB(20, 20))).isGreaterThan(60);
        }
    }

    @Nested
    class Refuses {
        @Test
        void an_image_whose_header_claims_more_pixels_than_we_accept_before_decoding_it() {
            assertThatThrownBy(() -> ImageVariants.prepare(Images.pngClaiming(100_000, 100_000), ImageKind.PNG))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get("file"))
                            .isEqualTo("This image is 100000 × 100000 pixels; the largest we accept is 12,000 pixels "
                                    + "on a side and 40 megapixels in all."));
        }

        @Test
        void an_image_within_the_side_limit_but_over_forty_megapixels() {
            assertThatThrownBy(() -> ImageVariants.prepare(Images.pngClaiming(8000, 6000), ImageKind.PNG))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get("file"))
                            .startsWith("This image is 8000 × 6000 pixels"));
        }

        @Test
        void a_jpeg_cut_off_half_way() {
            byte[] photo = Images.jpeg(800, 600);
            assertThatThrownBy(() -> ImageVariants.prepare(Arrays.copyOf(photo, photo.length / 2), ImageKind.JPEG))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get("file"))
                            .isEqualTo(ImageVariants.DAMAGED));
        }

        @Test
        void a_png_cut_off_half_way() {
            byte[] image = Images.opaquePng(300, 200);
            assertThatThrownBy(() -> ImageVariants.prepare(Arrays.copyOf(image, image.length / 2), ImageKind.PNG))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get("file"))
                            .isEqualTo(ImageVariants.DAMAGED));
        }
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
    }

    /** True when the JPEG has a segment with this marker before its image data. */
    private static boolean hasSegment(byte[] jpeg, int marker) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) != 0xDA) {
            if ((jpeg[at + 1] & 0xFF) == marker) return true;
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        return false;
    }
}
