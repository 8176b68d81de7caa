package dateline.mail;

/** A message of the outbox as a deliverer sees it once it has claimed it. */
record OutboxMessage(long id, Mail mail, int attempts) {}
