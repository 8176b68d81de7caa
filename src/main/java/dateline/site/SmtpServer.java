package dateline.site;

/**
 * The mail server the site sends through. The password is kept in the database (the site needs it to
 * send) but is never shown back on any page or written to a log.
 */
public record SmtpServer(String host, int port, String security, String username, String password,
                         String fromAddress, String fromName) {
    public static SmtpServer none() {
        return new SmtpServer("", 587, "starttls", "", "", "", "");
    }

    public boolean isConfigured() {
        return !host.isBlank() && !fromAddress.isBlank();
    }

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + ", " + security + ", user " + username + ", from " + fromAddress + "]";
    }
}
