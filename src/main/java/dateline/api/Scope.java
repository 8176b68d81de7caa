package dateline.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a token may be used for. {@code read} reads what its account may see beyond the public site
 * (drafts, Markdown sources); {@code write} also creates, updates and publishes articles; {@code moderate}
 * also lists, answers and moderates comments. Writing and moderating include reading. A scope never widens
 * what the account's role allows.
 */
public enum Scope {
    READ, WRITE, MODERATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> named(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    /** True when a token holding {@code held} may do what needs this scope. */
    boolean grantedBy(Set<Scope> held) {
        return held.contains(this) || (this == READ && !held.isEmpty());
    }

    static String codes(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::code).collect(Collectors.joining(" "));
    }

    static Set<Scope> parse(String codes) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : codes.split(" ")) named(code).ifPresent(scopes::add);
        return scopes;
    }
}
