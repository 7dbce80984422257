package org.hotline.alerts.job;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.hotline.alerts.alert.AlertRules;
import org.hotline.alerts.alert.SeriesAlerter;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.job.functions.CityDays;
import org.hotline.alerts.periodic.PeriodicityDetector;
import org.hotline.models.config.HotlineConfig;

/**
 * What the alert job's functions need, read once from the configuration where the job is built and shipped with
 * the functions (the rules file's text travels, not its path, so task managers need no copy of it).
 *
 * @param zone               the city's time zone; days are cut at its midnight
 * @param outOfOrderness     how late a record may arrive and still count for its day
 * @param idleness           after this long without records a source partition no longer holds watermarks back
 * @param commonMinDistricts k of COMMON alerts
 * @param commonWindowDays   the k districts must alarm within this many days (1: on the same day)
 * @param seriesTtlDays      a series without records for this many days loses its state
 * @param replayTtl          how long a record id is remembered, so a replayed record counts once
 * @param rulesJson          {@link AlertRules} as JSON; blank for the defaults
 * @param holidays           holiday calendar name: cn, us or none
 * @param clusterDays        days the street-level cluster scan looks back over (today included)
 * @param clusterMaxDays     longest cluster, in days
 * @param clusterAlpha       a cluster is reported when its Monte Carlo p-value is below this
 * @param clusterReplications Monte Carlo replicates per scan
 * @param periodicLeadDays   PERIODIC warns of a yearly rise expected within this many days (0: no PERIODIC)
 * @param emerging           what EMERGING needs
 */
public record AlertSettings(String zone, Duration outOfOrderness, Duration idleness, int commonMinDistricts,
                            int commonWindowDays,
                            int seriesTtlDays, Duration replayTtl, String rulesJson, String holidays, int clusterDays,
                            int clusterMaxDays, double clusterAlpha, int clusterReplications, int periodicLeadDays,
                            EmergingSettings emerging) implements Serializable {
    private static final long serialVersionUID = 1L;

    public AlertSettings {
        ZoneId.of(zone);
        if (commonMinDistricts < 1) {
            throw new IllegalArgumentException("alerts.commonMinDistricts must be at least 1, was " + commonMinDistricts);
        }
        if (commonWindowDays < 1) {
            throw new IllegalArgumentException("alerts.commonWindowDays must be at least 1, was " + commonWindowDays);
        }
        if (seriesTtlDays < 1) {
            throw new IllegalArgumentException("alerts.seriesTtl must be at least one day");
        }
        rulesJson = rulesJson == null ? "" : rulesJson;
        if (clusterDays < 2 || clusterMaxDays < 1 || clusterMaxDays > clusterDays) {
            throw new IllegalArgumentException("alerts.clusterDays must be at least 2 and alerts.clusterMaxDays between"
                    + " 1 and alerts.clusterDays, were " + clusterDays + " and " + clusterMaxDays);
        }
        if (!(clusterAlpha > 0 && clusterAlpha < 1) || clusterReplications < 19) {
            throw new IllegalArgumentException("alerts.clusterAlpha must be in (0, 1) and alerts.clusterReplications"
                    + " at least 19, were " + clusterAlpha + " and " + clusterReplications);
        }
        if (periodicLeadDays < 0 || periodicLeadDays > 180) {
            throw new IllegalArgumentException("alerts.periodicLeadDays must be between 0 and 180, was "
                    + periodicLeadDays);
        }
        Objects.requireNonNull(emerging, "emerging");
        HolidayCalendar.named(holidays);
        rules();
    }

    /** The defaults of docs/configuration.md. */
    public static AlertSettings defaults() {
        return from(HotlineConfig.defaults());
    }

    public static AlertSettings from(HotlineConfig config) {
        String rulesFile = config.get("alerts.rules");
        String rulesJson = "";
        if (!rulesFile.isEmpty()) {
            try {
                rulesJson = Files.readString(Path.of(rulesFile), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read alerts.rules file " + rulesFile + ": " + e.getMessage(),
                        e);
            }
        }
        return new AlertSettings(config.get("alerts.zone"), config.getDuration("alerts.outOfOrderness"),
                config.getDuration("alerts.idleness"), config.getInt("alerts.commonMinDistricts"),
                config.getInt("alerts.commonWindowDays"),
                (int) config.getDuration("alerts.seriesTtl").toDays(), config.getDuration("classify.replayTtl"),
                rulesJson, config.get("alerts.holidays"),
                config.getInt("alerts.clusterDays"), config.getInt("alerts.clusterMaxDays"),
                config.getDouble("alerts.clusterAlpha"), config.getInt("alerts.clusterReplications"),
                config.getInt("alerts.periodicLeadDays"), EmergingSettings.from(config));
    }

    public AlertSettings withCommonMinDistricts(int k) {
        return new AlertSettings(zone, outOfOrderness, idleness, k, commonWindowDays, seriesTtlDays, replayTtl,
                rulesJson, holidays, clusterDays, clusterMaxDays, clusterAlpha, clusterReplications, periodicLeadDays,
                emerging);
    }

    public AlertSettings withRulesJson(String json) {
        return new AlertSettings(zone, outOfOrderness, idleness, commonMinDistricts, commonWindowDays, seriesTtlDays,
                replayTtl, json, holidays, clusterDays, clusterMaxDays, clusterAlpha, clusterReplications,
                periodicLeadDays, emerging);
    }

    public AlertSettings withSeriesTtlDays(int days) {
        return new AlertSettings(zone, outOfOrderness, idleness, commonMinDistricts, commonWindowDays, days, replayTtl,
                rulesJson, holidays, clusterDays, clusterMaxDays, clusterAlpha, clusterReplications, periodicLeadDays,
                emerging);
    }

    public AlertSettings withPeriodicLeadDays(int days) {
        return new AlertSettings(zone, outOfOrderness, idleness, commonMinDistricts, commonWindowDays, seriesTtlDays,
                replayTtl, rulesJson, holidays, clusterDays, clusterMaxDays, clusterAlpha, clusterReplications, days,
                emerging);
    }

    public AlertSettings withEmerging(EmergingSettings next) {
        return new AlertSettings(zone, outOfOrderness, idleness, commonMinDistricts, commonWindowDays, seriesTtlDays,
                replayTtl, rulesJson, holidays, clusterDays, clusterMaxDays, clusterAlpha, clusterReplications,
                periodicLeadDays, next);
    }

    public CityDays days() {
        return CityDays.of(zone);
    }

    public AlertRules rules() {
        try {
            return AlertRules.parse(rulesJson);
        } catch (IOException e) {
            throw new UncheckedIOException("alerts.rules is not valid rules JSON: " + e.getMessage(), e);
        }
    }

    /** Days of counts a series keeps: what SEASONAL needs, or the three years a PERIODIC warning needs. */
    public int seriesHistoryDays() {
        return periodicLeadDays > 0 ? Math.max(SeriesAlerter.HISTORY_DAYS, PeriodicityDetector.HISTORY_DAYS)
                : SeriesAlerter.HISTORY_DAYS;
    }

    /** A periodicity detector with the configured lead (its onset spread stays the standard 21 days). */
    public PeriodicityDetector periodicityDetector() {
        return new PeriodicityDetector(periodicLeadDays, PeriodicityDetector.standard().maxOnsetSpreadDays());
    }

    /** A fresh alerter (detectors are not serializable; each parallel instance builds its own in open()). */
    public SeriesAlerter seriesAlerter() {
        return new SeriesAlerter(rules(), HolidayCalendar.named(holidays));
    }
}
