package dateline.webhooks;

import java.util.Locale;

/** Where a delivery stands: still to be tried, accepted by the receiver, or given up after its last attempt. */
public enum DeliveryStatus {
    PENDING("Pending"), DELIVERED("Delivered"), FAILED("Failed");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }
}
