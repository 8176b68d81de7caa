package dateline.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/** The site's SMTP relay, as its settings describe it: one connection for each message handed to it. */
final class SmtpRelay {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final MailSettings settings;
    private final Clock clock;
    private final Session session;

    SmtpRelay(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(MailSettings settings) {
        String protocol = settings.security() == MailSettings.Security.TLS ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", protocol);
        // also the envelope sender and the domain of generated Message-IDs
        p.setProperty("mail.from", settings.fromAddress());
        p.setProperty(prefix + "host", settings.host());
        if (settings.port() > 0) p.setProperty(prefix + "port", Integer.toString(settings.port()));
        p.setProperty(prefix + "connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        p.setProperty(prefix + "timeout", Long.toString(READ_TIMEOUT.toMillis()));
        p.setProperty(prefix + "writetimeout", Long.toString(READ_TIMEOUT.toMillis()));
        p.setProperty(prefix + "auth", Boolean.toString(settings.hasCredentials()));
        switch (settings.security()) {
            case STARTTLS -> {
                p.setProperty(prefix + "starttls.enable", "true");
                p.setProperty(prefix + "starttls.required", "true");
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case TLS -> p.setProperty(prefix + "ssl.checkserveridentity", "true");
            case NONE -> { }
        }
        return p;
    }

    /** Hands the message to the relay; returns once the relay has accepted it. */
    void send(Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.saveChanges();
        try (Transport transport = session.getTransport()) {
            // without a user name, no password either: given one alone, Jakarta Mail signs in as the
            // operating system's user, which a relay that needs no sign-in refuses
            transport.connect(settings.host(), settings.port() > 0 ? settings.port() : -1,
                    settings.hasCredentials() ? settings.username() : null,
                    settings.hasCredentials() ? settings.password() : null);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
