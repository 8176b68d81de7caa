package dateline.media;

/** One re-encoded size of a media file, the only form in which readers get its pixels. */
public record MediaVariant(int width, int height, String key, String contentType, long byteSize) {
    /** Its public address. */
    public String url() {
        return "/media/" + key;
    }
}
