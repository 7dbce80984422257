package org.hotline.models.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one typed configuration of every hotline process. Values come, later winning, from the defaults below, a
 * properties file ({@code --config FILE}), environment variables ({@code kafka.bootstrap} ↔
 * {@code HOTLINE_KAFKA_BOOTSTRAP}) and command-line overrides. Unknown keys are an error, so a typo never silently
 * falls back to a default.
 */
public final class HotlineConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Every key with its default and meaning; docs/configuration.md is generated from the same table. */
    public static final Map<String, String[]> KEYS = keys();

    private final Map<String, String> values;

    private HotlineConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    private static Map<String, String[]> keys() {
        Map<String, String[]> k = new LinkedHashMap<>();
        k.put("kafka.bootstrap", new String[] {"localhost:9092", "Kafka bootstrap servers"});
        k.put("kafka.topic.intake", new String[] {"hotline.intake", "accepted, PII-masked intake records"});
        k.put("kafka.topic.tagged", new String[] {"hotline.tagged", "records with their taxonomy suggestions"});
        k.put("kafka.topic.deadletter", new String[] {"hotline.deadletter", "refused records with the reason"});
        k.put("kafka.group", new String[] {"hotline-classify", "consumer group of the classify job"});
        k.put("kafka.start", new String[] {"earliest", "where a new classify job starts reading: earliest, latest or committed"});
        k.put("kafka.delivery", new String[] {"exactly-once", "Kafka sink guarantee: exactly-once, at-least-once or none"});
        k.put("es.urls", new String[] {"http://127.0.0.1:9200", "comma-separated Elasticsearch URLs"});
        k.put("es.index", new String[] {"hotline-records", "index of tagged records"});
        k.put("es.username", new String[] {"", "basic-auth user (blank: none)"});
        k.put("es.password", new String[] {"", "basic-auth password"});
        k.put("es.apiKey", new String[] {"", "API key, instead of user/password"});
        k.put("es.caFile", new String[] {"", "PEM CA certificate for https clusters"});
        k.put("es.replicas", new String[] {"0", "replicas of indices the pipeline creates (0 on one node)"});
        k.put("es.alertIndex", new String[] {"hotline-alerts", "index of alerts and their status (open, acknowledged, resolved)"});
        k.put("es.flushMillis", new String[] {"1000", "longest time a tagged record waits before a bulk write"});
        k.put("es.bulkActions", new String[] {"1000", "records per bulk request at most"});
        k.put("model.dir", new String[] {"", "trained classifier directory (see ./hotline train)"});
        k.put("taxonomy.file", new String[] {"", "taxonomy CSV/JSON (blank: the shipped default)"});
        k.put("classify.topK", new String[] {"5", "suggestions kept per record"});
        k.put("classify.reviewThreshold", new String[] {"0.5", "best score below this flags the record for review"});
        k.put("classify.replayTtl", new String[] {"P30D", "how long the classify and alert jobs remember record ids to drop replays (ISO-8601)"});
        k.put("alerts.group", new String[] {"hotline-alerts", "consumer group of the alert job on the tagged topic"});
        k.put("alerts.zone", new String[] {"Asia/Shanghai", "time zone in which the alert job cuts days"});
        k.put("alerts.outOfOrderness", new String[] {"PT10M", "how late a tagged record may arrive and still count for its day (ISO-8601)"});
        k.put("alerts.idleness", new String[] {"PT1M", "a Kafka partition silent this long no longer holds the days back (ISO-8601)"});
        k.put("alerts.commonMinDistricts", new String[] {"3", "k: a node alarming in at least k districts within alerts.commonWindowDays raises a COMMON alert"});
        k.put("alerts.commonWindowDays", new String[] {"3", "days within which the k districts must alarm for a COMMON alert (1: the same day)"});
        k.put("alerts.seriesTtl", new String[] {"P90D", "state of a node × district series silent this long is dropped (ISO-8601, whole days)"});
        k.put("alerts.rules", new String[] {"", "JSON file of high-frequency thresholds and the seasonal threshold (blank: defaults)"});
        k.put("alerts.holidays", new String[] {"cn", "holiday calendar of the seasonal regression and the dashboard's forecasts: cn, us or none"});
        k.put("alerts.clusterDays", new String[] {"14", "days the street-level cluster scan looks back over, today included"});
        k.put("alerts.clusterMaxDays", new String[] {"3", "longest street-level cluster, in days"});
        k.put("alerts.clusterAlpha", new String[] {"0.002", "a street-level cluster is reported when its p-value is below this"});
        k.put("alerts.clusterReplications", new String[] {"999", "Monte Carlo replicates per cluster scan"});
        k.put("alerts.periodicLeadDays", new String[] {"14", "PERIODIC warns of a yearly rise expected within this many days (0: off; needs 3 years of history)"});
        k.put("alerts.emergingWindowDays", new String[] {"28", "days of phrase counts the EMERGING burst detection looks back over (0: phrases off; the growth of small nodes stays on; see docs/alerts.md)"});
        k.put("alerts.emergingRecentDays", new String[] {"7", "an EMERGING phrase's burst must have started within these last days"});
        k.put("alerts.emergingMinCount", new String[] {"5", "an EMERGING phrase needs at least this many records in the recent days"});
        k.put("alerts.emergingDailyFloor", new String[] {"1", "a closed day keeps a phrase's count only when at least this many records had it (raise to bound memory in a large city; costs sensitivity, never false alarms)"});
        k.put("alerts.emergingAlpha", new String[] {"0.01", "chance per day that any EMERGING phrase is alerted by chance alone (Bonferroni over the phrases tested)"});
        k.put("alerts.emergingIgnore", new String[] {"", "comma-separated words EMERGING never reports: a phrase containing one, or inside one, is treated like a taxonomy term (e.g. 尊敬,感谢)"});
        k.put("web.host", new String[] {"127.0.0.1", "address the operator console and dashboard listen on (0.0.0.0: every interface)"});
        k.put("web.port", new String[] {"8080", "port of the operator console and dashboard (0: any free port)"});
        k.put("web.users", new String[] {"", "users file of the console and dashboard: names, roles, password hashes (blank: no sign-in; see docs/web.md)"});
        k.put("flink.rest", new String[] {"", "REST URL of a Flink session cluster to run jobs on (blank: local MiniCluster)"});
        k.put("flink.parallelism", new String[] {"2", "parallelism of the Flink jobs"});
        k.put("flink.checkpointMillis", new String[] {"1000", "checkpoint interval; Kafka transactions commit on it"});
        k.put("flink.checkpointDir", new String[] {"", "checkpoint directory URI, e.g. file:///srv/hotline/checkpoints or s3://… (blank: the JobManager's memory, 5 MB of state at most)"});
        k.put("mail.smtp.host", new String[] {"", "SMTP server for alert e-mails (blank: e-mail off)"});
        k.put("mail.smtp.port", new String[] {"587", "SMTP port (587 submission with STARTTLS, 25 relay)"});
        k.put("mail.from", new String[] {"", "sender address of alert e-mails"});
        k.put("mail.username", new String[] {"", "SMTP login (blank: no authentication)"});
        k.put("mail.password", new String[] {"", "SMTP password"});
        k.put("mail.startTls", new String[] {"true", "require STARTTLS before logging in and sending"});
        k.put("mail.timeoutMillis", new String[] {"10000", "connect, read and write timeout of the SMTP connection"});
        k.put("mail.directory", new String[] {"", "mailbox CSV kind,name,email of departments, districts and the fallback (docs/alerts.md)"});
        return Collections.unmodifiableMap(k);
    }

    public static HotlineConfig defaults() {
        Map<String, String> v = new LinkedHashMap<>();
        KEYS.forEach((key, spec) -> v.put(key, spec[0]));
        return new HotlineConfig(v);
    }

    /** Defaults, then {@code file} (may be null), then the environment, then {@code overrides}. */
    public static HotlineConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        HotlineConfig config = defaults();
        if (file != null) {
            config = config.with(readProperties(file));
        }
        Map<String, String> fromEnv = new LinkedHashMap<>();
        for (String key : KEYS.keySet()) {
            String value = env.get(envName(key));
            if (value != null) {
                fromEnv.put(key, value);
            }
        }
        return config.with(fromEnv).with(overrides);
    }

    /** {@code kafka.topic.intake} → {@code HOTLINE_KAFKA_TOPIC_INTAKE}. */
    public static String envName(String key) {
        return "HOTLINE_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the key when one is not a configuration key */
    public HotlineConfig with(Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>(values);
        overrides.forEach((key, value) -> {
            if (!KEYS.containsKey(key)) {
                throw new IllegalArgumentException("unknown configuration key '" + key + "'; known keys: "
                        + String.join(", ", KEYS.keySet()));
            }
            v.put(key, value.trim());
        });
        return new HotlineConfig(v);
    }

    public HotlineConfig with(String key, String value) {
        return with(Map.of(key, value));
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(name -> m.put(name, p.getProperty(name)));
        return m;
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("unknown configuration key '" + key + "'");
        }
        return value;
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + get(key) + "'");
        }
    }

    public double getDouble(String key) {
        try {
            return Double.parseDouble(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + get(key) + "'");
        }
    }

    public Duration getDuration(String key) {
        try {
            return Duration.parse(get(key));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration like P30D, not '" + get(key) + "'");
        }
    }

    public boolean getBoolean(String key) {
        return switch (get(key).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + get(key) + "'");
        };
    }

    public List<String> getList(String key) {
        return List.of(get(key).split("\\s*,\\s*"));
    }

    /** The values that differ from the defaults: what another process needs to be told to match this one. */
    public Map<String, String> nonDefaults() {
        Map<String, String> changed = new TreeMap<>();
        values.forEach((key, value) -> {
            if (!value.equals(KEYS.get(key)[0])) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(values);
        shown.replaceAll((k, v) -> (k.endsWith("password") || k.endsWith("apiKey")) && !v.isEmpty() ? "***" : v);
        return shown.toString();
    }
}
