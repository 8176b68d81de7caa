package dateline.mail;

import dateline.web.InvalidInput;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** One message to one recipient: a subject and a plain-text body, sent as UTF-8. */
public record Mail(String to, String subject, String text) {
    static final int MAX_ADDRESS = 254;
    static final int MAX_SUBJECT = 300;

    public Mail {
        to = to == null ? "" : to.strip();
        subject = subject == null ? "" : subject.strip();
        text = text == null ? "" : text;
        InvalidInput.check()
                .when(!isAddress(to), "to", "Give one e-mail address, such as name@example.org.")
                .when(subject.isEmpty(), "subject", "Give the message a subject.")
                .when(subject.length() > MAX_SUBJECT, "subject", "Keep the subject under " + MAX_SUBJECT + " characters.")
                .when(subject.contains("\n") || subject.contains("\r"), "subject", "Keep the subject on one line.")
                .when(text.isBlank(), "text", "Write the message.")
                .throwIfAny();
    }

    /** The part of the recipient's address after the @: what the log may say about a recipient. */
    String recipientDomain() {
        return to.substring(to.lastIndexOf('@') + 1);
    }

    private static boolean isAddress(String value) {
        if (value.isEmpty() || value.length() > MAX_ADDRESS || value.indexOf('@') <= 0) return false;
        try {
            return new InternetAddress(value, true).getAddress().equals(value);
        } catch (AddressException e) {
            return false;
        }
    }
}
