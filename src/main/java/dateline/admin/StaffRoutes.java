package dateline.admin;

import dateline.accounts.AccountService;
import dateline.accounts.NewAccount;
import dateline.accounts.Permission;
import dateline.accounts.Role;
import dateline.web.InvalidInput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The accounts screen: who is in the newsroom with which role, and opening an account for someone. */
public final class StaffRoutes {
    private final AccountService accounts;
    private final Newsroom newsroom;

    public StaffRoutes(AccountService accounts, Newsroom newsroom) {
        this.accounts = accounts;
        this.newsroom = newsroom;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/admin/accounts", Permission.MANAGE_ACCOUNTS, ctx -> render(ctx, HttpStatus.OK,
                        Map.of("role", Role.AUTHOR.code()), Map.of(),
                        "opened".equals(ctx.queryParam("done")) ? "The account is open." : null)),
                AdminRoute.post("/admin/accounts", Permission.MANAGE_ACCOUNTS, this::open));
    }

    private void open(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("name", "email", "role", "password")) {
            values.put(field, ctx.formParam(field) == null ? "" : ctx.formParam(field));
        }
        try {
            Role role = Role.named(values.get("role")).orElseThrow(() -> InvalidInput.of("role", "Choose a role."));
            String password = values.get("password").isEmpty() ? null : values.get("password");
            accounts.open(new NewAccount(values.get("email"), values.get("name"), role, password));
            ctx.redirect("/admin/accounts?done=opened", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, values, e.problems(), null);
        }
    }

    private void render(Context ctx, HttpStatus status, Map<String, String> values, Map<String, String> problems,
                        String notice) {
        newsroom.render(ctx, status, "admin/accounts.jte", new StaffPage(newsroom.frame(ctx), accounts.all(),
                Arrays.asList(Role.values()), values, problems, notice));
    }
}
