package org.hotline.models.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Well-formed but made-up personal data, so that intake's masking meets the shapes it must catch: mobile and
 * landline numbers, 18-digit resident ID numbers with a valid check digit, e-mail addresses and names.
 */
public final class FakePii {
    private static final String MOBILE_PREFIXES = "3456789";
    private static final List<String> AREA_CODES = List.of("0731", "0736", "0737", "0739", "0745", "0746");
    /** Made-up region codes (first six digits of an ID number) in the shape of a province/city/county code. */
    private static final List<String> REGION_CODES = List.of("439901", "439902", "439903", "439921", "439922");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARS = "10X98765432";
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴",
            "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "唐", "彭", "曾", "邓");
    private static final List<String> GIVEN_CHARS = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军",
            "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "文", "辉");
    private static final List<String> MAIL_DOMAINS = List.of("example.com", "example.cn", "mail.example.net");
    private static final List<String> MAIL_WORDS = List.of("zhang", "li", "wang", "liu", "chen", "yang", "sunny",
            "xiaoyu", "hotline", "lanjiang", "kevin", "happy", "tianyi", "mingming");

    private FakePii() {}

    /** 11 digits: 1, then 3–9, then nine digits. */
    public static String mobile(RandomGenerator rng) {
        StringBuilder number = new StringBuilder("1").append(MOBILE_PREFIXES.charAt(rng.nextInt(MOBILE_PREFIXES.length())));
        appendDigits(number, 9, rng);
        return number.toString();
    }

    /** Area code 0xxx, a dash and seven digits, e.g. 0731-5823146. */
    public static String landline(RandomGenerator rng) {
        StringBuilder number = new StringBuilder(AREA_CODES.get(rng.nextInt(AREA_CODES.size()))).append('-');
        number.append(2 + rng.nextInt(8));
        appendDigits(number, 6, rng);
        return number.toString();
    }

    /** Region code, birth date (1950–2005), sequence and the GB 11643 check character. */
    public static String idNumber(RandomGenerator rng) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(rng.nextInt(365 * 56));
        StringBuilder first17 = new StringBuilder(REGION_CODES.get(rng.nextInt(REGION_CODES.size())))
                .append(String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth()));
        appendDigits(first17, 3, rng);
        return first17.toString() + idCheckChar(first17);
    }

    /** ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID number. */
    public static char idCheckChar(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("an ID number has 17 digits before its check character");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.digit(first17.charAt(i), 10) * ID_WEIGHTS[i];
        }
        return ID_CHECK_CHARS.charAt(sum % 11);
    }

    public static String email(RandomGenerator rng) {
        return MAIL_WORDS.get(rng.nextInt(MAIL_WORDS.size())) + (rng.nextInt(9000) + 1000) + "@"
                + MAIL_DOMAINS.get(rng.nextInt(MAIL_DOMAINS.size()));
    }

    public static String surname(RandomGenerator rng) {
        return SURNAMES.get(rng.nextInt(SURNAMES.size()));
    }

    /** Two or three characters. */
    public static String fullName(RandomGenerator rng) {
        StringBuilder name = new StringBuilder(surname(rng)).append(GIVEN_CHARS.get(rng.nextInt(GIVEN_CHARS.size())));
        if (rng.nextBoolean()) {
            name.append(GIVEN_CHARS.get(rng.nextInt(GIVEN_CHARS.size())));
        }
        return name.toString();
    }

    /** How callers are usually recorded: 张先生, 李女士. */
    public static String politeName(RandomGenerator rng) {
        return surname(rng) + (rng.nextBoolean() ? "先生" : "女士");
    }

    private static void appendDigits(StringBuilder into, int count, RandomGenerator rng) {
        for (int i = 0; i < count; i++) {
            into.append(rng.nextInt(10));
        }
    }
}
