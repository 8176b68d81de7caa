package dateline.comments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the site derives from its secret for commenters: the colour of a reader's avatar (from a keyed hash
 * of their address that no one can reverse or compare with another site's), the signed list of a reader's
 * own comments that still wait, kept in their browser, and the signatures of the comment form's tokens.
 *
 * <p>One serves one task on one thread, such as showing an article's comments: it keeps its keyed hash
 * ready between texts, which spares a page of 200 comments 200 look-ups and key set-ups of the algorithm.
 * One made from a {@link Key} starts from a copy of the key already set up, which spares every comment
 * posted (three tasks: its checks, its route's cookie and its token) the look-up and set-up too.
 */
final class Keyed {
    static final int AVATAR_COLOURS = 12;
    private static final int MAX_OWN = 20;
    private static final String ALGORITHM = "HmacSHA256";

    /** The site's secret set up once for the algorithm, for any number of threads to copy. */
    static final class Key {
        private final byte[] secret;
        /** Never used itself, only copied: its state is only read, so copies can be made on any thread. */
        private final Mac ready;

        Key(byte[] secret) {
            this.secret = secret.clone();
            this.ready = macOf(this.secret);
        }

        /** A new one for one task on one thread. */
        Keyed keyed() {
            try {
                return new Keyed(secret, (Mac) ready.clone());
            } catch (CloneNotSupportedException e) {
                return new Keyed(secret, null); // a provider that cannot copy: set up at the first text
            }
        }
    }

    private final byte[] secret;
    /** Made at the first text, unless copied ready; {@code doFinal} leaves it ready for the next. */
    private Mac mac;

    Keyed(byte[] secret) {
        this(secret.clone(), null);
    }

    private Keyed(byte[] secret, Mac mac) {
        this.secret = secret;
        this.mac = mac;
    }

    /** One of the avatar colours, the same for an address every time, telling nothing about it. */
    int avatarColour(String email) {
        byte[] mac = mac("avatar:" + email.toLowerCase(Locale.ROOT));
        return (mac[0] & 0xff) % AVATAR_COLOURS;
    }

    /** The cookie value naming a reader's own waiting comments, signed so it cannot name anybody else's. */
    String ownComments(Set<Long> ids) {
        List<Long> newest = ids.stream().sorted().toList();
        if (newest.size() > MAX_OWN) newest = newest.subList(newest.size() - MAX_OWN, newest.size());
        String list = String.join(".", newest.stream().map(String::valueOf).toList());
        return list + "~" + signature(list);
    }

    /** The comment ids a cookie value names, if its signature is the site's; nothing otherwise. */
    Set<Long> ownComments(String cookie) {
        if (cookie == null || !cookie.contains("~") || cookie.length() > 600) return Set.of();
        String list = cookie.substring(0, cookie.lastIndexOf('~'));
        String given = cookie.substring(cookie.lastIndexOf('~') + 1);
        if (!isSigned("own-comments:" + list, given)) return Set.of();
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : list.split("\\.")) {
            try {
                ids.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                return Set.of();
            }
        }
        return ids;
    }

    private String signature(String list) {
        return signed("own-comments:" + list);
    }

    /** A short signature of a text, which only this site can make. */
    String signed(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac(text), 16));
    }

    /** True when {@code signature} is this site's signature of {@code text}; compared in constant time. */
    boolean isSigned(String text, String signature) {
        return MessageDigest.isEqual(signed(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** A keyed hash of a text, for remembering that something was seen without keeping it. */
    String hashed(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("seen:" + text));
    }

    private byte[] mac(String text) {
        if (mac == null) mac = macOf(secret);
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac macOf(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
