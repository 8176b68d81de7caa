package dateline.mail;

/** How many messages of the outbox are waiting to be sent, have been sent, and were given up. */
public record OutboxStatus(long waiting, long sent, long failed) {}
