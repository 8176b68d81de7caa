package dateline.admin;

import dateline.accounts.Account;
import dateline.accounts.Role;
import java.util.List;
import java.util.Map;

/** The newsroom's accounts, and the form to open one. */
public record StaffPage(AdminFrame frame, List<Account> accounts, List<Role> roles, Map<String, String> values,
                        Map<String, String> problems, String notice) {
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
