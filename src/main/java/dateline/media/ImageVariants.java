package dateline.media;

import dateline.web.InvalidInput;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The rules that turn an uploaded image into the variants readers are served. The size an image claims is
 * checked before any pixel is decoded, so a small file that would unpack into gigabytes is refused. Variants
 * are made at {@link #WIDTHS}, never wider than the image itself, by halving and then bicubic scaling, and
 * re-encoded without any of the upload's metadata: PNG when the image has transparent pixels, JPEG
 * otherwise.
 */
final class ImageVariants {
    static final List<Integer> WIDTHS = List.of(480, 960, 1600, 2400);
    static final int MAX_SIDE = 12_000;
    static final long MAX_PIXELS = 40_000_000L;
    static final String DAMAGED = "This image could not be read; it may be damaged.";
    private static final float JPEG_QUALITY = 0.82f;

    /** An image ready to keep: its upright size and its variants, narrowest first. */
    record Prepared(int width, int height, List<Resized> variants) {}

    /** One variant, encoded as JPEG or PNG. */
    record Resized(int width, int height, ImageKind kind, byte[] bytes) {}

    private ImageVariants() {}

    static Prepared prepare(byte[] bytes, ImageKind kind) {
        int orientation = kind == ImageKind.JPEG ? ExifOrientation.of(bytes) : ExifOrientation.UPRIGHT;
        BufferedImage image = upright(decode(bytes, kind), orientation);
        boolean transparent = hasTransparency(image);
        ImageKind output = transparent ? ImageKind.PNG : ImageKind.JPEG;
        List<Integer> widths = widthsFor(image.getWidth());
        List<Resized> variants = new ArrayList<>();
        BufferedImage previous = image;
        // widest first, each made from the one before it: no step shrinks by more than half
        for (int i = widths.size() - 1; i >= 0; i--) {
            int width = widths.get(i);
            int height = (int) Math.max(1, Math.round((double) image.getHeight() * width / image.getWidth()));
            previous = scaled(previous, width, height, transparent);
            variants.add(0, new Resized(width, height, output, encode(previous, output)));
        }
        return new Prepared(image.getWidth(), image.getHeight(), List.copyOf(variants));
    }

    /** The widths of the variants of an image this wide: the standard ones it covers, and its own when narrower. */
    static List<Integer> widthsFor(int imageWidth) {
        List<Integer> widths = new ArrayList<>();
        for (int width : WIDTHS) {
            if (width <= imageWidth) widths.add(width);
        }
        if (imageWidth < WIDTHS.get(WIDTHS.size() - 1) && !widths.contains(imageWidth)) widths.add(imageWidth);
        return widths;
    }

    // ---- reading

    private static BufferedImage decode(byte[] bytes, ImageKind kind) {
        ImageReader reader = readerFor(kind);
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            refuseOversized(reader.getWidth(0), reader.getHeight(0));
            BufferedImage image = reader.read(0);
            // the JPEG reader does not fail on a file that stops early: it warns and paints the rest grey
            if (warnings.stream().anyMatch(ImageVariants::meansTruncated)) throw InvalidInput.of("file", DAMAGED);
            return image;
        } catch (InvalidInput e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw InvalidInput.of("file", DAMAGED);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(ImageKind kind) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.formatName());
        if (!readers.hasNext()) {
            // a reader packed into the one jar (WebP) may not be registered yet where class loaders differ
            ImageIO.scanForPlugins();
            readers = ImageIO.getImageReadersByFormatName(kind.formatName());
        }
        if (!readers.hasNext()) throw new IllegalStateException("No image reader for " + kind);
        return readers.next();
    }

    private static void refuseOversized(int width, int height) {
        if (width <= 0 || height <= 0) throw InvalidInput.of("file", DAMAGED);
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw InvalidInput.of("file", String.format(Locale.ROOT,
                    "This image is %d × %d pixels; the largest we accept is %,d pixels on a side and %d megapixels "
                            + "in all.", width, height, MAX_SIDE, MAX_PIXELS / 1_000_000));
        }
    }

    private static boolean meansTruncated(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.contains("truncated") || text.contains("premature end");
    }

    // ---- drawing

    private static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) return false;
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int argb : row) {
                if (argb >>> 24 != 0xFF) return true;
            }
        }
        return false;
    }

    /** The image turned as the camera was held (orientations as TIFF numbers them). */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (turn == null) return image;
        boolean sideways = orientation >= 5;
        BufferedImage turned = canvas(sideways ? h : w, sideways ? w : h, image.getColorModel().hasAlpha());
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, turn, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    /** Shrinks by halves while that stays above the wanted size, then bicubic to the exact size. */
    private static BufferedImage scaled(BufferedImage image, int width, int height, boolean alpha) {
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        do {
            w = Math.max(w / 2, width);
            h = Math.max(h / 2, height);
            BufferedImage next = canvas(w, h, alpha);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (w != width || h != height);
        return current;
    }

    private static BufferedImage canvas(int width, int height, boolean alpha) {
        return new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    // ---- writing

    /** Encodes the pixels alone: no metadata of the upload (Exif, GPS, comments) can reach a variant. */
    private static byte[] encode(BufferedImage image, ImageKind kind) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(kind.formatName()).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (kind == ImageKind.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
