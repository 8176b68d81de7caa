package dateline.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery, in the {@code Dateline-Signature} header: {@code t=<unix seconds>,v1=<hex>},
 * where the hex is the HMAC-SHA256, keyed with the webhook's secret (its UTF-8 bytes), of the seconds, a
 * full stop, and the exact body. Signing the moment too lets a receiver refuse a delivery replayed later.
 */
public final class Signatures {
    public static final String HEADER = "Dateline-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {}

    /** A new secret for a webhook: 256 random bits, URL-safe, marked so that it is recognised when it leaks. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header's value for a body sent at the given moment. */
    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is always available", e);
        }
    }
}
