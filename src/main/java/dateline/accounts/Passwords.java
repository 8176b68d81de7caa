package dateline.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (19 MiB of memory, two passes, one lane: the OWASP baseline), and the
 * rules a new password must meet.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 512;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2id$")) return false;
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** Why the password cannot be used, or null when it can. */
    public static String problemWith(String password, String email, String name) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters; a few unrelated words make a strong password.";
        }
        if (password.length() > MAX_LENGTH) return "Use at most " + MAX_LENGTH + " characters.";
        if (password.isBlank()) return "A password cannot be only spaces.";
        String lower = password.toLowerCase(java.util.Locale.ROOT);
        if ((email != null && lower.equals(email.strip().toLowerCase(java.util.Locale.ROOT)))
                || (name != null && lower.equals(name.strip().toLowerCase(java.util.Locale.ROOT)))) {
            return "Choose a password that is not your name or email address.";
        }
        if (password.chars().distinct().count() < 4) return "This password is too easy to guess.";
        return null;
    }
}
