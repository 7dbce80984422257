package org.hotline.ingest.template;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text: e-mail addresses, resident ID numbers (18 and 15 digits), bank-card numbers,
 * mainland mobile numbers, landlines written with an area code, and names after a label such as 我叫 or 姓名：.
 * The rules (see docs/intake-template.md, "PII masking"):
 * <ul>
 *   <li>e-mail {@code zhang.san@example.com} → {@code z***@example.com}</li>
 *   <li>ID {@code 43010219900307123X} → {@code 430************23X} (first 3, last 3 kept)</li>
 *   <li>15-digit ID {@code 430102900307123} → {@code 430*********123}</li>
 *   <li>bank card {@code 6222 0212 3456 7890 128} → {@code 6222 **** **** ***0 128} (first 4, last 4 kept;
 *       16–19 digits starting 3–6 that pass the Luhn check)</li>
 *   <li>name {@code 我叫张三丰} → {@code 我叫张**}</li>
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

    // First-generation ID: region (6) + birth date yyMMdd + sequence (3).
    private static final Pattern ID_CARD_15 = Pattern.compile(
            "(?<![0-9A-Za-z])([1-8]\\d{2})\\d{3}\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(\\d{3})(?![0-9A-Za-z])");

    // Card numbers: 16–19 digits, optionally in blank- or dash-separated groups; the Luhn check (in code)
    // keeps order numbers and other long digit runs out.
    private static final Pattern BANK_CARD = Pattern.compile(
            "(?<![0-9A-Za-z.])[3-6]\\d{3}(?:[ -]?\\d){12,15}(?![0-9A-Za-z]|\\.\\d)");

    /** The 100 most common Chinese surnames (about 85% of the population). */
    private static final String COMMON_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
            + "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
            + "覃武戴莫孔向汤";

    // A name right after a label that introduces one; the first character must be a common surname, so
    // "我叫外卖" or "姓名：不详" stay. Up to three characters: given names are one or two.
    private static final Pattern LABELLED_NAME = Pattern.compile(
            "(我叫|本人姓名|姓名[:：]?|联系人[:：]?)([" + COMMON_SURNAMES + "])([\\u4e00-\\u9fa5]{1,2})");

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
        if (masked.indexOf('叫') >= 0 || masked.indexOf('名') >= 0 || masked.contains("联系人")) {
            masked = replace(LABELLED_NAME, masked, m -> m.group(1) + m.group(2) + stars(m.group(3).length()));
        }
        if (countAsciiDigits(masked) < MIN_NUMBER_DIGITS) {
            return masked; // most texts: no number long enough to be a phone or ID, skip the scans
        }
        masked = replace(ID_CARD, masked, m -> m.group(1) + stars(12) + m.group(2));
        masked = replace(ID_CARD_15, masked, m -> m.group(1) + stars(9) + m.group(2));
        masked = replace(BANK_CARD, masked, PiiMasker::maskCardIfValid);
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

    /** All digits but the first and last four become {@code *}; separators stay. Not a card: unchanged. */
    private static String maskCardIfValid(Matcher m) {
        String number = m.group();
        String digits = number.replace(" ", "").replace("-", "");
        if (!passesLuhn(digits)) {
            return number;
        }
        StringBuilder out = new StringBuilder(number.length());
        int seen = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            out.append(digit && seen >= 4 && seen < digits.length() - 4 ? MASK : c);
            seen += digit ? 1 : 0;
        }
        return out.toString();
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
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
