package dateline.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.mail.MailSettings.Security;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void settings_never_show_their_password() {
        var settings = new MailSettings("smtp.example.org", 587, "newsroom", "hunter2-but-longer", "news@example.org",
                "The Daily Example", Security.STARTTLS);
        assertThat(settings.toString())
                .doesNotContain("hunter2-but-longer")
                .contains("smtp.example.org", "newsroom", "news@example.org", "STARTTLS", "(hidden)");
    }

    @Test
    void mail_is_configured_once_there_is_a_relay_and_an_address_to_send_from() {
        assertThat(MailSettings.none().isConfigured()).isFalse();
        assertThat(new MailSettings("smtp.example.org", 0, null, null, " ", null, null).isConfigured()).isFalse();
        var relayOnly = new MailSettings("smtp.example.org", 0, null, null, "news@example.org", null, null);
        assertThat(relayOnly.isConfigured()).isTrue();
        assertThat(relayOnly.security()).isEqualTo(Security.STARTTLS);
    }
}
