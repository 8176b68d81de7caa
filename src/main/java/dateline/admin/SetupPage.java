package dateline.admin;

import dateline.web.Frame;
import dateline.web.Head;
import java.util.List;
import java.util.Map;

/**
 * The one-page set-up of a new site. {@code tokenNeeded} asks for the set-up code from the server's log,
 * which a person setting up the site from another machine must give.
 */
public record SetupPage(Frame frame, Head head, SetupForm form, Map<String, String> problems, List<String> timezones,
                        boolean tokenNeeded, String csrf) {
    public String problem(String field) {
        return problems.get(field);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
