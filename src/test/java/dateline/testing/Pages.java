package dateline.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what tests need out of served pages and responses. */
public final class Pages {
    private Pages() {}

    /** Every match of the regular expression's first group, in page order. */
    public static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) found.add(m.group(1));
        return found;
    }

    public static String first(String html, String regex) {
        List<String> found = all(html, regex);
        if (found.isEmpty()) throw new AssertionError("Nothing matches " + regex);
        return found.get(0);
    }

    /** The value of a cookie the response sets. */
    public static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("set-cookie")) {
            if (header.startsWith(name + "=")) return header.substring(name.length() + 1).split(";", 2)[0];
        }
        throw new AssertionError("No cookie " + name + " in " + response.headers().allValues("set-cookie"));
    }

    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
