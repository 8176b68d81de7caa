package dateline.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.testing.TestSite;
import dateline.web.InvalidInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    private TestSite site;
    private AccountService accounts;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        accounts = site.wiring().accounts();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    @Test
    void an_account_keeps_its_email_in_lower_case_and_its_password_only_as_an_argon2id_hash() {
        Account account = accounts.open(new NewAccount(" Amara.Okafor@Example.ORG ", "Amara Okafor", Role.EDITOR,
                "correct horse battery staple"));
        assertThat(account.email()).isEqualTo("amara.okafor@example.org");
        assertThat(account.slug()).isEqualTo("amara-okafor");
        String stored = site.wiring().database().jdbi().withHandle(h ->
                h.createQuery("SELECT password_hash FROM accounts").mapTo(String.class).one());
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(accounts.passwordMatches("AMARA.OKAFOR@example.org", "correct horse battery staple")).isTrue();
        assertThat(accounts.passwordMatches("amara.okafor@example.org", "wrong horse battery staple")).isFalse();
    }

    @Test
    void an_email_address_has_one_account() {
        accounts.open(new NewAccount("a@example.org", "A", Role.AUTHOR, null));
        assertThatThrownBy(() -> accounts.open(new NewAccount("A@example.org", "Another", Role.AUTHOR, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("email"));
    }

    @Test
    void weak_passwords_and_bad_addresses_are_refused_with_a_reason_for_each_field() {
        assertThatThrownBy(() -> accounts.open(new NewAccount("not-an-address", "", Role.AUTHOR, "short")))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).containsKeys("email", "name", "password"));
        assertThatThrownBy(() -> accounts.open(new NewAccount("x@example.org", "X", Role.AUTHOR, "aaaaaaaaaaaaaaaa")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> accounts.open(new NewAccount("longname@example.org", "X", Role.AUTHOR, "longname@example.org")))
                .isInstanceOf(InvalidInput.class);
        assertThat(accounts.count()).isZero();
    }

    @Test
    void namesakes_get_distinct_author_pages() {
        Account first = accounts.open(new NewAccount("a@example.org", "Sam Lee", Role.AUTHOR, null));
        Account second = accounts.open(new NewAccount("b@example.org", "Sam Lee", Role.AUTHOR, null));
        assertThat(first.slug()).isEqualTo("sam-lee");
        assertThat(second.slug()).isEqualTo("sam-lee-2");
    }

    @Test
    void the_first_administrator_can_be_opened_only_once() {
        accounts.openFirstAdministrator(new NewAccount("chief@example.org", "Chief", Role.AUTHOR, "a long passphrase here"));
        assertThat(accounts.byEmail("chief@example.org")).get().extracting(Account::role).isEqualTo(Role.ADMINISTRATOR);
        assertThatThrownBy(() -> accounts.openFirstAdministrator(
                new NewAccount("other@example.org", "Other", Role.ADMINISTRATOR, "another long passphrase")))
                .isInstanceOf(AccountService.SiteAlreadySetUp.class);
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void roles_are_read_by_their_command_line_names() {
        assertThat(Role.named("admin")).contains(Role.ADMINISTRATOR);
        assertThat(Role.named("Editor")).contains(Role.EDITOR);
        assertThat(Role.named("publisher")).isEmpty();
    }
}
