package dateline.accounts;

import dateline.storage.Repository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

final class AccountRepository extends Repository {
    private static final String COLUMNS = "id, email, name, slug, role, bio, created_at";
    private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(
            rs.getLong("id"),
            rs.getString("email"),
            rs.getString("name"),
            rs.getString("slug"),
            Role.named(rs.getString("role")).orElseThrow(),
            rs.getString("bio"),
            Instant.ofEpochMilli(rs.getLong("created_at")));

    AccountRepository(Jdbi jdbi) {
        super(jdbi);
    }

    long count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one();
    }

    long count() {
        return read(this::count);
    }

    boolean emailTaken(Handle h, String email) {
        return h.createQuery("SELECT COUNT(*) FROM accounts WHERE email = :email")
                .bind("email", email).mapTo(Integer.class).one() > 0;
    }

    boolean slugTaken(Handle h, String slug) {
        return h.createQuery("SELECT COUNT(*) FROM accounts WHERE slug = :slug")
                .bind("slug", slug).mapTo(Integer.class).one() > 0;
    }

    long insert(Handle h, String email, String name, String slug, Role role, String passwordHash, String bio,
                Instant createdAt) {
        return h.createUpdate("INSERT INTO accounts (email, name, slug, role, password_hash, bio, created_at) "
                        + "VALUES (:email, :name, :slug, :role, :hash, :bio, :createdAt)")
                .bind("email", email)
                .bind("name", name)
                .bind("slug", slug)
                .bind("role", role.code())
                .bind("hash", passwordHash)
                .bind("bio", bio)
                .bind("createdAt", createdAt)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    Optional<Account> byId(long id) {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
                .bind("id", id).map(ACCOUNT).findOne());
    }

    Optional<Account> bySlug(String slug) {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE slug = :slug")
                .bind("slug", slug).map(ACCOUNT).findOne());
    }

    Optional<Account> byEmail(String email) {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE email = :email")
                .bind("email", email).map(ACCOUNT).findOne());
    }

    List<Account> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).map(ACCOUNT).list());
    }

    List<Account> all() {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts ORDER BY name, id")
                .map(ACCOUNT).list());
    }

    void setPasswordHash(long accountId, String hash) {
        jdbi().useHandle(h -> h.createUpdate("UPDATE accounts SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash).bind("id", accountId).execute());
    }

    Optional<String> passwordHash(String email) {
        return jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM accounts WHERE email = :email AND password_hash IS NOT NULL")
                .bind("email", email).mapTo(String.class).findOne());
    }
}
