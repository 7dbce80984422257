package org.hotline.alerts.job;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotline.alerts.emerging.EmergingPhraseDetector;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.taxonomy.Taxonomy;

/**
 * What the stream's EMERGING function needs. The taxonomy's terms travel with it (read where the job is built), so
 * task managers need no taxonomy file.
 *
 * @param windowDays days of phrase counts kept: the burst detector's baseline and the recent days (0: no EMERGING)
 * @param recentDays a burst must have started within these last days
 * @param minCount   a phrase needs at least this many records in the recent days
 * @param dailyFloor a closed day keeps the count of a phrase only when at least this many records had it
 * @param alpha      the chance, per day, that any phrase at all is alerted by chance (Bonferroni over the phrases)
 * @param knownTerms node names and keywords of the taxonomy, and the words of {@code alerts.emergingIgnore}: phrases
 *                   that contain one or lie inside one are known
 */
public record EmergingSettings(int windowDays, int recentDays, int minCount, int dailyFloor, double alpha,
                               List<String> knownTerms)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public EmergingSettings {
        if (windowDays != 0 && (recentDays < 1 || windowDays < 2 * recentDays)) {
            throw new IllegalArgumentException("alerts.emergingRecentDays must be at least 1 and alerts."
                    + "emergingWindowDays 0 or at least twice that, were " + recentDays + " and " + windowDays);
        }
        if (minCount < 1 || dailyFloor < 1) {
            throw new IllegalArgumentException("alerts.emergingMinCount and alerts.emergingDailyFloor must be at least"
                    + " 1, were " + minCount + " and " + dailyFloor);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alerts.emergingAlpha must be between 0 and 1, was " + alpha);
        }
        knownTerms = List.copyOf(Objects.requireNonNull(knownTerms, "knownTerms"));
    }

    public static EmergingSettings from(HotlineConfig config) {
        String file = config.get("taxonomy.file");
        Taxonomy taxonomy = file.isEmpty() ? Taxonomy.loadDefault() : Taxonomy.load(Path.of(file));
        List<String> known = new ArrayList<>(EmergingPhraseDetector.knownTerms(taxonomy));
        // An analyst's muted words work as taxonomy terms do: their phrases are known, so never new.
        config.getList("alerts.emergingIgnore").stream().filter(word -> !word.isBlank()).forEach(known::add);
        return new EmergingSettings(config.getInt("alerts.emergingWindowDays"),
                config.getInt("alerts.emergingRecentDays"), config.getInt("alerts.emergingMinCount"),
                config.getInt("alerts.emergingDailyFloor"), config.getDouble("alerts.emergingAlpha"), known);
    }

    public boolean enabled() {
        return windowDays > 0;
    }
}
