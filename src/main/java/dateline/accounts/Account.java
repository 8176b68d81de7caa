package dateline.accounts;

import java.time.Instant;

/** A member of the newsroom. The email address is the newsroom's to see, never a reader's. */
public record Account(long id, String email, String name, String slug, Role role, String bio, Instant createdAt) {}
