package org.hotline.alerts.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.emerging.EmergingPhraseDetector;

/**
 * One alert e-mail to one mailbox, rendered in Chinese: subject, plain text and a simple HTML part with the same
 * content. {@code key} is derived from the alert id(s) and the recipient only, so a resend of the same alert to the
 * same mailbox carries the same Message-ID ({@link #messageId}) and can be recognised as a repeat.
 *
 * @param to       the recipient address
 * @param alertIds the alerts this e-mail reports (one, or several for a digest)
 */
public record AlertEmail(String to, List<String> alertIds, String key, String subject, String text, String html) {

    private static final String PREFIX = "[12345预警]";
    private static final int SUBJECT_DISTRICTS = 3;
    private static final String FOOTER = "本邮件由 12345 热线预警系统（hotline）自动发送。"
            + "同一预警重发时邮件的 Message-ID 不变，可据此识别重复。";

    public AlertEmail {
        Objects.requireNonNull(to, "to");
        alertIds = List.copyOf(alertIds);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    /** The e-mail for one alert and one recipient. */
    public static AlertEmail of(Alert alert, Recipient recipient) {
        String title = "12345热线预警：" + label(alert.kind());
        List<String[]> rows = rows(alert, recipient.reason());
        return new AlertEmail(recipient.address(), List.of(alert.id()),
                alert.id() + "." + hash(recipient.address().toLowerCase(Locale.ROOT), 16),
                subject(alert), title + "\n\n" + textRows(rows) + "\n" + FOOTER + "\n",
                "<html><body>" + htmlSection(title, rows) + "<p>" + escape(FOOTER) + "</p></body></html>");
    }

    /** One e-mail per alert and recipient; an alert listed twice (same id) is sent once. */
    public static List<AlertEmail> perAlert(List<Alert> alerts, AlertRouting routing) {
        List<AlertEmail> emails = new ArrayList<>();
        for (Alert alert : distinct(alerts)) {
            for (Recipient recipient : routing.recipients(alert)) {
                emails.add(of(alert, recipient));
            }
        }
        return emails;
    }

    /**
     * One e-mail per recipient listing all of its alerts (an alert of its own when it has just one, so that
     * e-mail is the same as {@link #perAlert} would send).
     */
    public static List<AlertEmail> digests(List<Alert> alerts, AlertRouting routing) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, Map<Alert, String>> byRecipient = new LinkedHashMap<>();
        for (Alert alert : distinct(alerts)) {
            for (Recipient recipient : routing.recipients(alert)) {
                String address = recipient.address().toLowerCase(Locale.ROOT);
                spelling.putIfAbsent(address, recipient.address());
                byRecipient.computeIfAbsent(address, k -> new LinkedHashMap<>()).put(alert, recipient.reason());
            }
        }
        List<AlertEmail> emails = new ArrayList<>();
        byRecipient.forEach((address, items) -> {
            if (items.size() == 1) {
                Map.Entry<Alert, String> only = items.entrySet().iterator().next();
                emails.add(of(only.getKey(), new Recipient(spelling.get(address), only.getValue())));
            } else {
                emails.add(digest(spelling.get(address), items));
            }
        });
        return emails;
    }

    /** {@code <key@domain>}; the domain is the sender's, as RFC 5322 suggests for uniqueness. */
    public String messageId(String domain) {
        return "<" + key + "@" + domain + ">";
    }

    /** 高频, 共性, 周期性, 季节性, 苗头性, 聚集性, 预测. */
    public static String label(AlertKind kind) {
        return switch (kind) {
            case HIGH_FREQUENCY -> "高频";
            case COMMON -> "共性";
            case PERIODIC -> "周期性";
            case SEASONAL -> "季节性";
            case EMERGING -> "苗头性";
            case CLUSTERED -> "聚集性";
            case FORECAST -> "预测";
        };
    }

    private static AlertEmail digest(String to, Map<Alert, String> items) {
        List<Alert> alerts = new ArrayList<>(items.keySet());
        Map<AlertKind, Integer> kinds = new EnumMap<>(AlertKind.class);
        alerts.forEach(alert -> kinds.merge(alert.kind(), 1, Integer::sum));
        List<String> kindCounts = new ArrayList<>();
        kinds.forEach((kind, n) -> kindCounts.add(label(kind) + "×" + n));
        LocalDate from = alerts.stream().map(Alert::windowStart).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate until = alerts.stream().map(Alert::windowEnd).max(Comparator.naturalOrder()).orElseThrow();
        String subject = PREFIX + "[汇总] " + alerts.size() + "条：" + String.join("、", kindCounts) + " · "
                + shortWindow(from, until);

        StringBuilder text = new StringBuilder("12345热线预警汇总：共 " + alerts.size() + " 条\n\n");
        StringBuilder html = new StringBuilder("<html><body>");
        int n = 0;
        for (Map.Entry<Alert, String> item : items.entrySet()) {
            String title = "第 " + ++n + " 条：" + subject(item.getKey()).substring(PREFIX.length());
            List<String[]> rows = rows(item.getKey(), item.getValue());
            text.append(title).append('\n').append(textRows(rows)).append('\n');
            html.append(htmlSection(title, rows));
        }
        text.append(FOOTER).append('\n');
        html.append("<p>").append(escape(FOOTER)).append("</p></body></html>");
        List<String> ids = alerts.stream().map(Alert::id).sorted().toList();
        String key = "digest." + hash(String.join(",", ids), 32) + "." + hash(to.toLowerCase(Locale.ROOT), 16);
        return new AlertEmail(to, ids, key, subject, text.toString(), html.toString());
    }

    /** {@code [12345预警][季节性] 城乡建设/物业管理 · 江滨区 · 2026-11-27}. */
    private static String subject(Alert alert) {
        List<String> districts = alert.districts();
        String where = districts.isEmpty() ? "全市"
                : districts.size() <= SUBJECT_DISTRICTS ? String.join("、", districts)
                : String.join("、", districts.subList(0, SUBJECT_DISTRICTS)) + "等" + districts.size() + "个辖区";
        return PREFIX + "[" + label(alert.kind()) + "] " + node(alert) + " · " + where + " · "
                + shortWindow(alert.windowStart(), alert.windowEnd());
    }

    private static List<String[]> rows(Alert alert, String reason) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"预警类型", label(alert.kind()) + "（" + alert.kind().name() + "）"});
        rows.add(new String[] {"分类", node(alert)});
        rows.add(new String[] {"涉及辖区", alert.districts().isEmpty() ? "全市（未指明辖区）"
                : String.join("、", alert.districts())});
        rows.add(new String[] {"时间窗", longWindow(alert.windowStart(), alert.windowEnd())});
        rows.add(new String[] {alert.kind() == AlertKind.HIGH_FREQUENCY ? "实际 / 阈值" : "实际 / 预期",
            number(alert.observed()) + " / " + number(alert.expected()) + ratio(alert.observed(), alert.expected())});
        rows.add(new String[] {"统计量", scoreLabel(alert) + " " + String.format(Locale.ROOT, "%.2f",
                alert.score()) + "；p 值 " + pValue(alert.pValue())});
        rows.add(new String[] {"高频短语", orDash(String.join("、", alert.evidence().topPhrases()))});
        rows.add(new String[] {"示例工单", orDash(String.join(", ", alert.evidence().exampleRecordIds()))});
        if (!alert.evidence().note().isBlank()) {
            rows.add(new String[] {"说明", alert.evidence().note()});
        }
        rows.add(new String[] {"预警编号", alert.id()});
        rows.add(new String[] {"收件原因", reason});
        return rows;
    }

    private static String scoreLabel(Alert alert) {
        return switch (alert.kind()) {
            case SEASONAL -> "z 值";
            case HIGH_FREQUENCY -> "数量";
            case COMMON -> "预警辖区数";
            case PERIODIC -> "距预计上升天数";
            // A phrase's score is its burst weight; a growing node's, last week over its baseline week.
            case EMERGING -> isPhrase(alert) ? "突发权重" : "增长倍数";
            case CLUSTERED -> "对数似然比";
            case FORECAST -> "得分";
        };
    }

    private static String node(Alert alert) {
        String path = alert.nodePath();
        return isPhrase(alert) ? "新词「" + path.substring(EmergingPhraseDetector.PHRASE_PREFIX.length()) + "」" : path;
    }

    private static boolean isPhrase(Alert alert) {
        return alert.nodePath().startsWith(EmergingPhraseDetector.PHRASE_PREFIX);
    }

    private static String shortWindow(LocalDate from, LocalDate to) {
        return from.equals(to) ? from.toString() : from + "～" + to;
    }

    private static String longWindow(LocalDate from, LocalDate to) {
        return from.equals(to) ? from.toString()
                : from + " 至 " + to + "（共 " + (ChronoUnit.DAYS.between(from, to) + 1) + " 天）";
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(double observed, double expected) {
        return Double.isFinite(observed) && Double.isFinite(expected) && expected > 0
                ? String.format(Locale.ROOT, "（%.1f 倍）", observed / expected) : "";
    }

    private static String pValue(double p) {
        return Double.isNaN(p) ? "无" : p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String orDash(String value) {
        return value.isEmpty() ? "—" : value;
    }

    private static String textRows(List<String[]> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(row[0]).append("：").append(row[1]).append('\n'));
        return text.toString();
    }

    private static String htmlSection(String title, List<String[]> rows) {
        StringBuilder html = new StringBuilder("<h3>").append(escape(title)).append("</h3><table>");
        rows.forEach(row -> html.append("<tr><th align=\"left\">").append(escape(row[0])).append("</th><td>")
                .append(escape(row[1])).append("</td></tr>"));
        return html.append("</table>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static List<Alert> distinct(List<Alert> alerts) {
        Map<String, Alert> byId = new LinkedHashMap<>();
        alerts.forEach(alert -> byId.putIfAbsent(alert.id(), alert));
        return List.copyOf(byId.values());
    }

    private static String hash(String s, int hexChars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
