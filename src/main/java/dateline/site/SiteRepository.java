package dateline.site;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

final class SiteRepository {
    /** The row whose value changes with every write of the settings. */
    static final String VERSION = "settings_version";

    private final Jdbi jdbi;

    SiteRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Map<String, String> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, value FROM settings")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /**
     * Changes with every write of the settings, so that a server holding them in memory learns of a write
     * made by any server with one cheap read.
     */
    String version() {
        return find(VERSION).orElse("");
    }

    Optional<String> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM settings WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
    }

    void putAll(Map<String, String> values) {
        jdbi.useTransaction(h -> {
            values.forEach((name, value) -> put(h, name, value));
            put(h, VERSION, UUID.randomUUID().toString());
        });
    }

    /** Stores the value unless the setting already has one; answers the value that is stored. */
    String putIfAbsent(String name, String value) {
        return jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("INSERT INTO settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                    .bind("name", name)
                    .bind("value", value)
                    .execute();
            if (inserted > 0) put(h, VERSION, UUID.randomUUID().toString());
            return h.createQuery("SELECT value FROM settings WHERE name = :name")
                    .bind("name", name)
                    .mapTo(String.class)
                    .one();
        });
    }

    void remove(String name) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM settings WHERE name = :name").bind("name", name).execute();
            put(h, VERSION, UUID.randomUUID().toString());
        });
    }

    private static void put(Handle h, String name, String value) {
        h.createUpdate("INSERT INTO settings (name, value) VALUES (:name, :value) "
                        + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .bind("name", name)
                .bind("value", value)
                .execute();
    }
}
