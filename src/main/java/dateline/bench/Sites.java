package dateline.bench;

import dateline.Settings;
import dateline.Wiring;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Opens a site's services inside a harness, from the same settings a command takes, so each harness states only its own. */
final class Sites {
    private Sites() {}

    /**
     * The site whose data folder is {@code data}, with the settings given as flags besides ({@code database-url},
     * {@code page-cache-mb}…); the environment of the process is not read, so a harness measures what it says.
     */
    static Wiring open(String data, Map<String, String> flags) {
        Map<String, String> all = new HashMap<>(flags);
        all.put("data", data);
        return Wiring.open(Settings.resolve(all, Map.of()), Clock.systemUTC());
    }
}
