package dateline.articles;

import java.time.Instant;

/** A correction as the site's list of corrections shows it. */
public record Correction(long id, String headline, String path, String note, Instant happenedAt) {}
