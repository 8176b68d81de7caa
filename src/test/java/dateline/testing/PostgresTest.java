package dateline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.storage.Database;
import dateline.storage.Dialect;
import org.junit.jupiter.api.Test;

class PostgresTest {
    @Test
    void a_fresh_database_on_the_embedded_server_takes_every_migration() {
        String url = Postgres.freshDatabaseUrl();
        try (Database database = Database.open(url)) {
            assertThat(database.dialect()).isEqualTo(Dialect.POSTGRESQL);
            boolean reachable = database.isReachable();
            assertThat(reachable).isTrue();
            int applied = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history "
                    + "WHERE success").mapTo(Integer.class).one());
            assertThat(applied).isGreaterThanOrEqualTo(12);
        } finally {
            Postgres.drop(url);
        }
    }
}
