package org.hotline.models.sample;

import java.util.List;
import org.hotline.models.records.GeoPoint;

/**
 * A district (区) or county (县) of a {@link Gazetteer}.
 *
 * @param rural  a county of towns and villages rather than an urban district of 街道 and 社区
 * @param centre the mean of its streets' centres
 */
public record District(String name, boolean rural, GeoPoint centre, List<Street> streets) {
    public District {
        streets = List.copyOf(streets);
    }
}
