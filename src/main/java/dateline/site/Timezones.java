package dateline.site;

import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/** The timezones a newsroom can choose from: the world's regions and their cities, and UTC. */
public final class Timezones {
    private static final Pattern REGION_ZONE = Pattern.compile(
            "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+|UTC");
    private static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> REGION_ZONE.matcher(z).matches()).sorted().toList();

    private Timezones() {}

    public static List<String> choices() {
        return CHOICES;
    }

    /** The zone of that name, when it is one of the choices. */
    public static ZoneId chosen(String id) {
        return id != null && CHOICES.contains(id) ? ZoneId.of(id) : null;
    }
}
