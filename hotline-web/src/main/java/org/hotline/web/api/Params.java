package org.hotline.web.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Query parameters and field values checked with 400s that name the parameter and the allowed values. */
public final class Params {
    /** Longest text a demand field may have, as intake allows (IntakeLimits). */
    public static final int MAX_TEXT_CHARS = 20_000;

    private Params() {}

    /** Stripped text; null when absent or blank; 400 when longer than {@code maxChars}. */
    public static String text(Map<String, String> query, String name, int maxChars) {
        String value = query.get(name);
        return value == null ? null : limited(name, value, maxChars);
    }

    static String limited(String name, String value, int maxChars) {
        String text = value.strip();
        if (text.length() > maxChars) {
            throw ApiException.badRequest(name + " is " + text.length() + " characters, at most " + maxChars);
        }
        return text.isEmpty() ? null : text;
    }

    public static int integer(Map<String, String> query, String name, int fallback, int min, int max) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return within(name, Integer.parseInt(value.strip()), min, max);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max + ", not '"
                    + value + "'");
        }
    }

    static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiException.badRequest(name + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** A {@code yyyy-MM-dd} date, or null when absent. */
    public static LocalDate date(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date like 2026-03-01, not '" + value + "'");
        }
    }
}
