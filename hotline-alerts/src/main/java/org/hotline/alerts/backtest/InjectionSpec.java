package org.hotline.alerts.backtest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How synthetic outbreaks are planted, parsed from {@code key=value,...}:
 * <ul>
 *   <li>{@code count} outbreaks per series and replicate (default 20)</li>
 *   <li>{@code sd} outbreak size in baseline standard deviations (default 3)</li>
 *   <li>{@code size} {@code total} = {@code sd} is the whole outbreak, spread evenly over its days (default);
 *       {@code daily} = each outbreak day gets {@code sd} baseline SDs (the other common reading of "an outbreak
 *       of k SD over d days")</li>
 *   <li>{@code days} outbreak length range, drawn uniformly, e.g. 1-7 (default 1-7)</li>
 *   <li>{@code seed} random seed (default 42)</li>
 *   <li>{@code reps} independent replicates per series, each with fresh outbreaks (default 1)</li>
 *   <li>{@code sdref} which SD: {@code raw28} = SD of the 28 daily counts before the start (default);
 *       {@code weekday28} = SD of those 28 days after removing each weekday's own mean (stricter)</li>
 * </ul>
 */
public record InjectionSpec(int count, double sd, int minDays, int maxDays, long seed, int reps,
                            SdReference sdReference, boolean sizePerDay) {

    public enum SdReference { RAW28, WEEKDAY28 }

    public InjectionSpec {
        if (count < 1 || sd <= 0 || minDays < 1 || maxDays < minDays || reps < 1) {
            throw new IllegalArgumentException("inject spec needs count>=1, sd>0, 1<=min days<=max days, reps>=1");
        }
    }

    public static InjectionSpec parse(String text) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("count", "20", "sd", "3", "days", "1-7",
                "seed", "42", "reps", "1", "sdref", "raw28", "size", "total"));
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2 || !values.containsKey(kv[0].trim())) {
                throw new IllegalArgumentException("bad --inject part '" + part + "'; expected keys "
                        + values.keySet());
            }
            values.put(kv[0].trim(), kv[1].trim());
        }
        try {
            String[] days = values.get("days").split("-");
            int minDays = Integer.parseInt(days[0]);
            int maxDays = days.length > 1 ? Integer.parseInt(days[1]) : minDays;
            SdReference reference = switch (values.get("sdref")) {
                case "raw28" -> SdReference.RAW28;
                case "weekday28" -> SdReference.WEEKDAY28;
                default -> throw new IllegalArgumentException("sdref must be raw28 or weekday28");
            };
            boolean perDay = switch (values.get("size")) {
                case "total" -> false;
                case "daily" -> true;
                default -> throw new IllegalArgumentException("size must be total or daily");
            };
            return new InjectionSpec(Integer.parseInt(values.get("count")), Double.parseDouble(values.get("sd")),
                    minDays, maxDays, Long.parseLong(values.get("seed")), Integer.parseInt(values.get("reps")),
                    reference, perDay);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in --inject '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return "count=" + count + ",sd=" + sd + ",days=" + minDays + "-" + maxDays + ",seed=" + seed + ",reps=" + reps
                + ",sdref=" + sdReference.name().toLowerCase(java.util.Locale.ROOT)
                + ",size=" + (sizePerDay ? "daily" : "total");
    }
}
