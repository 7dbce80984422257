package org.hotline.alerts.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One early warning. The id is a SHA-256 of kind, node path, sorted districts and window, so the same
 * situation seen twice (a replayed stream, a re-run backtest) produces the same id and can be de-duplicated.
 *
 * @param nodePath  taxonomy path, e.g. "城乡建设/物业管理", or a phrase for emerging-phrase alerts
 * @param districts the districts involved, sorted
 * @param observed  the observed count in the window
 * @param expected  what the baseline expected in the window
 * @param score     the detector's statistic (z-score, burst weight, log-likelihood ratio …)
 * @param pValue    a p-value where the detector has one, else NaN
 */
public record Alert(String id, AlertKind kind, String nodePath, List<String> districts, LocalDate windowStart,
                    LocalDate windowEnd, double observed, double expected, double score, double pValue,
                    Evidence evidence) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nodePath, "nodePath");
        districts = List.copyOf(new TreeSet<>(districts));
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        evidence = Objects.requireNonNullElse(evidence, Evidence.NONE);
        String expectedId = idOf(kind, nodePath, districts, windowStart, windowEnd);
        if (id == null) {
            id = expectedId;
        } else if (!id.equals(expectedId)) {
            throw new IllegalArgumentException("alert id does not match its content");
        }
    }

    /** Creates an alert whose id is derived from its content. */
    public static Alert of(AlertKind kind, String nodePath, List<String> districts, LocalDate windowStart,
                           LocalDate windowEnd, double observed, double expected, double score, double pValue,
                           Evidence evidence) {
        return new Alert(null, kind, nodePath, districts, windowStart, windowEnd, observed, expected, score, pValue,
                evidence);
    }

    public static String idOf(AlertKind kind, String nodePath, List<String> districts, LocalDate windowStart,
                              LocalDate windowEnd) {
        String canonical = kind.name() + '\u001f' + nodePath + '\u001f' + String.join("\u001e", new TreeSet<>(districts))
                + '\u001f' + windowStart + '\u001f' + windowEnd;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
