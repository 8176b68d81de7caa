package dateline.mail;

/**
 * How the site reaches its SMTP relay and whom its mail comes from. A port of zero or less means the
 * usual port (25, or 465 for TLS). The password never appears in {@link #toString()}.
 */
public record MailSettings(String host, int port, String username, String password, String fromAddress,
                           String fromName, Security security) {

    /** How the connection to the relay is protected. */
    public enum Security {
        /** Plain SMTP, for a relay on the same machine or network. */
        NONE,
        /** Plain SMTP upgraded with STARTTLS, which the relay must offer; nothing is sent otherwise. */
        STARTTLS,
        /** SMTP inside TLS from the first byte (often port 465). */
        TLS
    }

    public MailSettings {
        // without a choice, never plain text by accident
        if (security == null) security = Security.STARTTLS;
    }

    /** Settings of a site that has no relay yet: its mail waits in the outbox. */
    public static MailSettings none() {
        return new MailSettings(null, 0, null, null, null, null, Security.STARTTLS);
    }

    /** True when there is a relay to send to and an address to send from. */
    public boolean isConfigured() {
        return present(host) && present(fromAddress);
    }

    boolean hasCredentials() {
        return present(username);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (present(password) ? "(hidden)" : "(none)") + ", fromAddress=" + fromAddress
                + ", fromName=" + fromName + ", security=" + security + "]";
    }
}
