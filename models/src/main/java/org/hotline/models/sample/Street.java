package org.hotline.models.sample;

import java.util.List;
import org.hotline.models.records.GeoPoint;

/**
 * A sub-district (街道), town (镇) or township (乡) of a {@link Gazetteer}.
 *
 * @param communities 社区 of an urban street, 村 and a 居委会 of a rural town
 * @param roads       roads that run through it, for addresses and place phrases
 */
public record Street(String name, String district, GeoPoint centre, List<String> communities, List<String> roads) {
    public Street {
        communities = List.copyOf(communities);
        roads = List.copyOf(roads);
    }
}
