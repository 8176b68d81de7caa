package dateline.admin;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.accounts.Permission;
import dateline.api.ApiToken;
import dateline.api.ApiTokens;
import dateline.api.Scope;
import dateline.site.SiteService;
import dateline.site.SiteTime;
import dateline.web.InvalidInput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The API tokens screen: every member makes and revokes tokens for their own account; administrators see
 * and revoke everybody's. A new token is shown once, on the page that answers its form, and never again.
 */
public final class TokenRoutes {
    private final ApiTokens tokens;
    private final AccountService accounts;
    private final SiteService site;
    private final Newsroom newsroom;

    public TokenRoutes(ApiTokens tokens, AccountService accounts, SiteService site, Newsroom newsroom) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.site = site;
        this.newsroom = newsroom;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/admin/tokens", Permission.ENTER_NEWSROOM, ctx -> render(ctx, HttpStatus.OK, "", Map.of(),
                        null, "revoked".equals(ctx.queryParam("done")) ? "The token is revoked." : null)),
                AdminRoute.post("/admin/tokens", Permission.ENTER_NEWSROOM, this::create),
                AdminRoute.post("/admin/tokens/{id}/revoke", Permission.ENTER_NEWSROOM, this::revoke));
    }

    private void create(Context ctx) {
        Account member = Newsroom.member(ctx).account();
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name");
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : ctx.formParams("scopes")) Scope.named(code).ifPresent(scopes::add);
        try {
            ApiTokens.Created created = tokens.create(member, name, scopes);
            render(ctx, HttpStatus.CREATED, "", Map.of(), created.secret(), null);
        } catch (InvalidInput e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, name, e.problems(), null, null);
        }
    }

    private void revoke(Context ctx) {
        Long id = Ids.of(ctx.pathParam("id"));
        if (id == null) throw new NotFoundResponse();
        try {
            tokens.revoke(id, Newsroom.member(ctx).account());
        } catch (ApiTokens.TokenNotFound e) {
            throw new NotFoundResponse();
        }
        ctx.redirect("/admin/tokens?done=revoked", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, HttpStatus status, String name, Map<String, String> problems, String newToken,
                        String notice) {
        Account member = Newsroom.member(ctx).account();
        SiteTime time = site.settings().time();
        Map<Long, String> owners = accounts.all().stream().collect(Collectors.toMap(Account::id, Account::name));
        Function<ApiToken, TokensPage.Row> row = t -> new TokensPage.Row(t, owners.getOrDefault(t.accountId(), "—"),
                time.dateAndTime(t.createdAt()), t.lastUsedAt() == null ? null : time.dateAndTime(t.lastUsedAt()),
                t.revokedAt() == null ? null : time.dateAndTime(t.revokedAt()));
        newsroom.render(ctx, status, "admin/tokens.jte", new TokensPage(newsroom.frame(ctx),
                tokens.all(member).stream().map(row).toList(), member.role().can(Permission.MANAGE_ACCOUNTS),
                Arrays.asList(Scope.values()), name, problems, newToken, notice));
    }
}
