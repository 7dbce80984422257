package org.hotline.ingest.template;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text: e-mail addresses, 18-digit resident ID numbers, mainland mobile numbers
 * and landlines written with an area code. The rules (see docs/intake-template.md, "PII masking"):
 * <ul>
 *   <li>e-mail {@code zhang.san@example.com} → {@code z***@example.com}</li>
 *   <li>ID {@code 43010219900307123X} → {@code 430************23X} (first 3, last 3 kept)</li>
 *   <li>mobile {@code +86 138-1234-5678} → {@code +86 138****5678} (prefix kept, separators dropped)</li>
 *   <li>landline {@code 0731-8888888}, {@code (0731)88888888} → {@code 0731-***8888}, {@code (0731)****8888}</li>
 * </ul>
 * A number glued to other digits is never a match, so amounts, dates, record ids and house numbers stay.
 * Masking is deterministic and idempotent: masking masked text changes nothing, so a record can be
 * re-validated downstream and stays byte-identical.
 */
public final class PiiMasker {
    private static final char MASK = '*';
    /** The shortest number masked: a landline with a 3-digit area code and a 7-digit local number has 10. */
    private static final int MIN_NUMBER_DIGITS = 10;

    // A number continues with more digits or a decimal part ("13812345678.5元" is an amount, not a phone).
    private static final String NOT_MORE_DIGITS = "(?!\\d|\\.\\d)";

    // Local part must end right before '@': a masked "z***@x.com" no longer matches.
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    // Region (6) + birth date (yyyyMMdd, 18xx–20xx) + sequence (3) + check digit or X.
    private static final Pattern ID_CARD = Pattern.compile(
            "(?<![0-9A-Za-z])(\\d{3})\\d{3}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d(\\d{2}[0-9Xx])"
                    + "(?![0-9A-Za-z])");

    private static final Pattern MOBILE = Pattern.compile(
            "(?<![\\d+])(?<!\\d\\.)((?:[(（]?(?:\\+|00)?86[)）]?[ -]?)?)(1[3-9]\\d)[ -]?\\d{4}[ -]?(\\d{4})"
                    + NOT_MORE_DIGITS);

    // Area codes 010 and 02x have three digits, all others four; the local number has 7–8 digits.
    private static final Pattern LANDLINE = Pattern.compile(
            "(?<![\\d+])(?<!\\d\\.)([(（]?(?:0[12]\\d|0[3-9]\\d{2})[)）]?[ -]?)([2-9]\\d{2,3})(\\d{4})((?:-\\d{1,5})?)"
                    + NOT_MORE_DIGITS);

    private PiiMasker() {}

    /** The text with every e-mail, ID number and phone number masked; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text.indexOf('@') >= 0 ? replace(EMAIL, text, PiiMasker::maskEmail) : text;
        if (countAsciiDigits(masked) < MIN_NUMBER_DIGITS) {
            return masked; // most texts: no number long enough to be a phone or ID, skip the scans
        }
        masked = replace(ID_CARD, masked, m -> m.group(1) + stars(12) + m.group(2));
        masked = replace(MOBILE, masked, m -> m.group(1) + m.group(2) + stars(4) + m.group(3));
        return replace(LANDLINE, masked, m -> m.group(1) + stars(m.group(2).length()) + m.group(3) + m.group(4));
    }

    private static int countAsciiDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }

    /**
     * A caller's phone field: the text rules, and when none applied (e.g. a local number without area code),
     * every digit but the last four. A value that already holds a mask character is left as it is.
     */
    public static String maskPhoneField(String phone) {
        if (phone == null) {
            return null;
        }
        String masked = mask(phone);
        if (!masked.equals(phone) || phone.indexOf(MASK) >= 0) {
            return masked;
        }
        return maskAllDigitsButLastFour(phone);
    }

    /** A caller's name: its first character, then one {@code *} per further character ("张三丰" → "张**"). */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int firstLength = Character.charCount(name.codePointAt(0));
        int rest = name.codePointCount(firstLength, name.length());
        return name.substring(0, firstLength) + stars(rest);
    }

    private static String maskEmail(Matcher m) {
        String address = m.group();
        return address.charAt(0) + "***" + address.substring(address.indexOf('@'));
    }

    private static String maskAllDigitsButLastFour(String phone) {
        int digitsToMask = (int) phone.chars().filter(Character::isDigit).count() - 4;
        StringBuilder out = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (Character.isDigit(c) && digitsToMask > 0) {
                out.append(MASK);
                digitsToMask--;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    private static String stars(int count) {
        return String.valueOf(MASK).repeat(Math.max(0, count));
    }
}
