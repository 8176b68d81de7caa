package dateline.media;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An uploaded image as the newsroom knows it: what was uploaded (name, type, size in pixels and bytes), its
 * alt text, who uploaded it and when, and its variants, narrowest first. The original itself stays private.
 */
public record MediaFile(long id, String originalName, String contentType, int width, int height, long byteSize,
                        String altText, Long uploadedBy, Instant createdAt, List<MediaVariant> variants) {
    public MediaFile {
        variants = List.copyOf(variants);
    }

    /** The address of the widest variant. */
    public String url() {
        return widest().url();
    }

    /** The address of the narrowest variant at least this wide, or of the widest when none is. */
    public String urlFor(int wantedWidth) {
        return variants.stream().filter(v -> v.width() >= wantedWidth).findFirst().orElseGet(this::widest).url();
    }

    /** Every variant with its width, for an {@code <img srcset>}: {@code /media/… 480w, /media/… 960w}. */
    public String srcset() {
        return variants.stream().map(v -> v.url() + " " + v.width() + "w").collect(Collectors.joining(", "));
    }

    private MediaVariant widest() {
        if (variants.isEmpty()) throw new IllegalStateException("Media file " + id + " has no variants");
        return variants.get(variants.size() - 1);
    }
}
