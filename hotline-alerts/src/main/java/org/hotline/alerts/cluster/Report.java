package org.hotline.alerts.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * The slice of a demand record the cluster and emerging-phrase detectors need.
 *
 * @param place where it happened, at the finest level known (address, community, street or district)
 */
public record Report(String id, Instant receivedAt, String place, String text) {

    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receivedAt, "receivedAt");
        place = Objects.requireNonNullElse(place, "");
        text = Objects.requireNonNullElse(text, "");
    }
}
