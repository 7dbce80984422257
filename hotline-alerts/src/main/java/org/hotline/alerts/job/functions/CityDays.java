package org.hotline.alerts.job.functions;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Days as the city counts them: a record belongs to the calendar day of its {@code receivedAt} in the city's time
 * zone, and a day ends at the last millisecond before the next local midnight (where event-time timers fire).
 */
public final class CityDays implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String zone;
    private transient ZoneId zoneId;

    public CityDays(ZoneId zone) {
        this.zone = zone.getId();
    }

    public static CityDays of(String zone) {
        return new CityDays(ZoneId.of(zone));
    }

    public ZoneId zone() {
        if (zoneId == null) {
            zoneId = ZoneId.of(zone);
        }
        return zoneId;
    }

    /** The local day of an event-time timestamp. */
    public LocalDate dayOf(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone());
    }

    /** The last millisecond of {@code day}: the day's event-time timer. */
    public long endOfDay(LocalDate day) {
        return startOfDay(day.plusDays(1)) - 1;
    }

    /** The first millisecond of {@code day}. */
    public long startOfDay(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "CityDays[" + zone + "]";
    }
}
