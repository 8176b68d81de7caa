package dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @Test
    void without_anything_given_the_site_serves_port_8080_from_the_data_folder() {
        Settings settings = Settings.resolve(Map.of(), Map.of());
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(settings.dev()).isFalse();
    }

    @Test
    void flags_beat_the_environment_which_beats_the_file(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dateline.properties");
        Files.writeString(file, "port=7000\ndata=/srv/file-data\nbase-url=https://file.example\n");
        Map<String, String> environment = Map.of("DATELINE_CONFIG", file.toString(), "DATELINE_PORT", "7100",
                "DATELINE_BASE_URL", "https://env.example/");
        Map<String, String> flags = new HashMap<>();
        flags.put("port", "7200");

        Settings settings = Settings.resolve(flags, environment);
        assertThat(settings.port()).isEqualTo(7200);
        assertThat(settings.baseUrl()).isEqualTo("https://env.example");
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/file-data"));
    }

    @Test
    void a_bad_port_or_base_url_is_explained() {
        assertThatThrownBy(() -> Settings.resolve(Map.of("port", "eighty"), Map.of()))
                .isInstanceOf(Settings.BadSetting.class).hasMessageContaining("port");
        assertThatThrownBy(() -> Settings.resolve(Map.of("base-url", "ftp://x.example"), Map.of()))
                .isInstanceOf(Settings.BadSetting.class).hasMessageContaining("base URL");
    }

    @Test
    void the_database_is_the_sqlite_file_unless_a_postgresql_address_is_given() {
        assertThat(Settings.resolve(Map.of(), Map.of()).databaseUrl()).isEmpty();
        Settings settings = Settings.resolve(Map.of(),
                Map.of("DATELINE_DATABASE_URL", "jdbc:postgresql://db.example.org/news?user=dateline"));
        assertThat(settings.databaseUrl()).contains("jdbc:postgresql://db.example.org/news?user=dateline");
    }

    @Test
    void a_database_address_of_another_kind_is_explained_without_repeating_its_secrets() {
        assertThatThrownBy(() -> Settings.resolve(Map.of("database-url", "mysql://root:hunter2@db/news"), Map.of()))
                .isInstanceOf(Settings.BadSetting.class)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void images_are_kept_in_the_data_folder_unless_the_database_is_chosen_for_several_nodes() {
        assertThat(Settings.resolve(Map.of(), Map.of()).mediaStore()).isEqualTo(Settings.MediaStoreChoice.LOCAL);
        assertThat(Settings.resolve(Map.of(), Map.of("DATELINE_MEDIA_STORE", "database")).mediaStore())
                .isEqualTo(Settings.MediaStoreChoice.DATABASE);
        assertThat(Settings.resolve(Map.of("media-store", "Local"), Map.of("DATELINE_MEDIA_STORE", "database")).mediaStore())
                .isEqualTo(Settings.MediaStoreChoice.LOCAL);
        assertThatThrownBy(() -> Settings.resolve(Map.of("media-store", "s3"), Map.of()))
                .isInstanceOf(Settings.BadSetting.class)
                .hasMessageContaining("local").hasMessageContaining("database").hasMessageContaining("'s3'");
    }

    @Test
    void shown_settings_keep_the_database_password_and_the_metrics_token_to_themselves() {
        Settings settings = Settings.resolve(Map.of(), Map.of(
                "DATELINE_DATABASE_URL", "jdbc:postgresql://dateline:hunter2@db.example.org/news?password=hunter2",
                "DATELINE_METRICS_TOKEN", "a-very-long-metrics-secret"));
        assertThat(settings.toString()).contains("db.example.org/news")
                .doesNotContain("hunter2").doesNotContain("a-very-long-metrics-secret");
    }
}
