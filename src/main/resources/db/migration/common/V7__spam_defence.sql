-- Spam defence on the server: what the spam classifier thought of each comment and why; the uses of the
-- comment form's tokens, so that one token is used once per email address (both kept as keyed hashes only);
-- the examples that moderators' decisions gave the classifier; and its weights.

ALTER TABLE comments ADD COLUMN spam_score DOUBLE PRECISION;
ALTER TABLE comments ADD COLUMN spam_reasons TEXT NOT NULL DEFAULT '';

CREATE TABLE comment_form_uses (
    token_hash TEXT NOT NULL,
    email_hash TEXT NOT NULL,
    used_at    BIGINT NOT NULL,
    PRIMARY KEY (token_hash, email_hash)
);
CREATE INDEX comment_form_uses_by_time ON comment_form_uses (used_at);

-- One example per comment a moderator approved (not spam) or marked as spam: the features the classifier
-- saw in it. It outlives the comment, which the spam folder deletes after a while.
CREATE TABLE spam_examples (
    comment_id BIGINT PRIMARY KEY,
    spam       BOOLEAN NOT NULL,
    features   TEXT NOT NULL,
    decided_at BIGINT NOT NULL
);
CREATE INDEX spam_examples_by_time ON spam_examples (decided_at);

-- The classifier: a weight per feature; the empty feature is the bias.
CREATE TABLE spam_weights (
    feature TEXT PRIMARY KEY,
    weight  DOUBLE PRECISION NOT NULL
);

-- When the weights were last trained from scratch, and on how many of the site's own examples.
CREATE TABLE spam_model (
    id         INTEGER PRIMARY KEY,
    trained_at BIGINT NOT NULL,
    examples   INTEGER NOT NULL
);
