package org.hotline.models.sample;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * An emerging issue to plant in synthetic demands, so that early-warning detectors have something to find:
 * from {@code firstDay} for {@code days} days, a share of all demands is about {@code leafPath}, in
 * {@code district} (and {@code street}) when given. The other demands stay exactly as without the surge.
 *
 * @param district null for anywhere in the city
 * @param street   null for any street of the district
 * @param share    share of the demands arriving in the window that the surge takes over, in (0, 1]
 * @param phrase   null, or what the surge's demands complain about instead of the leaf's own keyword: a new
 *                 problem the taxonomy has no word for yet (an EMERGING phrase)
 */
public record Surge(List<String> leafPath, String district, String street, LocalDate firstDay, int days,
                    double share, String phrase) {
    public Surge(List<String> leafPath, String district, String street, LocalDate firstDay, int days, double share) {
        this(leafPath, district, street, firstDay, days, share, null);
    }

    public Surge {
        if (phrase != null && phrase.isBlank()) {
            throw new IllegalArgumentException("a surge phrase must not be blank");
        }
        leafPath = List.copyOf(leafPath);
        if (leafPath.isEmpty()) {
            throw new IllegalArgumentException("a surge needs a leaf path");
        }
        if (street != null && district == null) {
            throw new IllegalArgumentException("a surge street needs its district");
        }
        if (days < 1) {
            throw new IllegalArgumentException("a surge lasts at least 1 day, got " + days);
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a surge share must be in (0, 1], got " + share);
        }
    }

    /**
     * Parses {@code LEAF[@DISTRICT[/STREET]]:FIRST-DAY:DAYS:SHARE[:PHRASE]}, the leaf's levels separated by
     * {@code /}, e.g. {@code 环境保护/环境污染/噪音污染@江滨区/解放街道:2026-02-10:5:0.04}.
     *
     * @throws IllegalArgumentException with a message that shows the expected form
     */
    public static Surge parse(String spec) {
        String[] parts = spec.split(":");
        if (parts.length != 4 && parts.length != 5) {
            throw badSpec(spec, "expected 4 or 5 parts separated by ':'");
        }
        String[] target = parts[0].split("@", 2);
        List<String> leaf = Arrays.stream(target[0].split("/")).map(String::strip).toList();
        String district = null;
        String street = null;
        if (target.length == 2) {
            String[] place = target[1].split("/", 2);
            district = place[0].strip();
            street = place.length == 2 ? place[1].strip() : null;
        }
        try {
            return new Surge(leaf, district, street, LocalDate.parse(parts[1].strip()),
                    Integer.parseInt(parts[2].strip()), Double.parseDouble(parts[3].strip()),
                    parts.length == 5 ? parts[4].strip() : null);
        } catch (DateTimeParseException e) {
            throw badSpec(spec, "'" + parts[1] + "' is not a date (yyyy-mm-dd)");
        } catch (NumberFormatException e) {
            throw badSpec(spec, "days must be a whole number and share a decimal number");
        } catch (IllegalArgumentException e) {
            throw badSpec(spec, e.getMessage());
        }
    }

    private static IllegalArgumentException badSpec(String spec, String why) {
        return new IllegalArgumentException("bad surge '" + spec + "': " + why
                + " (form: LEAF[@DISTRICT[/STREET]]:FIRST-DAY:DAYS:SHARE[:PHRASE], e.g. "
                + "环境保护/环境污染/噪音污染@江滨区:2026-02-10:5:0.04)");
    }

    /** Whether a demand arriving at {@code time} (city time) falls in the surge's days. */
    boolean covers(OffsetDateTime time) {
        LocalDate day = time.toLocalDate();
        return !day.isBefore(firstDay) && day.isBefore(firstDay.plusDays(days));
    }
}
