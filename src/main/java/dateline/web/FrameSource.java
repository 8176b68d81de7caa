package dateline.web;

/** Where pages get the frame they are shown in; the features that know the site provide it. */
public interface FrameSource {
    /** The frame for a page at {@code path}, its navigation marking the reader's place. */
    Frame frameAt(String path);
}
