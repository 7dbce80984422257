package org.hotline.models.records;

/** WGS-84 point of a demand, when the channel gave one. */
public record GeoPoint(double lat, double lon) {
    public GeoPoint {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("location out of range: lat=" + lat + ", lon=" + lon);
        }
    }
}
