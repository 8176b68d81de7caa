package dateline.admin;

import dateline.api.ApiToken;
import dateline.api.Scope;
import dateline.site.Stamp;
import java.util.List;
import java.util.Map;

/**
 * The API tokens screen: the member's tokens (everybody's, with their owners, for administrators), the form
 * to make one, and a token just made, shown this once.
 */
public record TokensPage(AdminFrame frame, List<Row> tokens, boolean everybody, List<Scope> scopes, String name,
                         Map<String, String> problems, String newToken, String notice) {
    /** A token with its owner's name and its moments as the site shows them. */
    public record Row(ApiToken token, String owner, Stamp created, Stamp lastUsed, Stamp revoked) {}

    public String problem(String field) {
        return problems.get(field);
    }
}
