package org.hotline.models.sample;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.hotline.models.records.Caller;
import org.hotline.models.records.Channel;
import org.hotline.models.records.GeoPoint;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.Reply;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;

/**
 * Generates citizen demands that read like 12345 hotline records, for the demo and for tests that must not
 * depend on real data. Deterministic: the same taxonomy, gazetteer, settings and seed give the same records,
 * and record {@code i} of {@code n} does not depend on the others. Arrival times increase with the index and
 * follow a daily and weekly rhythm; leaves follow a skewed (Zipf) mix; labels are the leaf's path.
 */
public final class SyntheticDemands {
    public static final ZoneOffset CITY_OFFSET = ZoneOffset.ofHours(8);

    private static final double CONFUSED_SECOND_WORD = 0.12;
    private static final double CONFUSED_MAIN_WORD = 0.04;
    private static final double RANDOM_SECOND_WORD = 0.03;
    private static final double ENTERPRISE_SHARE_OF_BUSINESS = 0.35;
    private static final double ENTERPRISE_SHARE_OTHERWISE = 0.03;
    private static final double RURAL_SHARE_OF_RURAL_LEAVES = 0.7;
    private static final double RURAL_SHARE_OTHERWISE = 0.15;
    private static final double LANDLINE_SHARE = 0.15;
    private static final double LOCATION_SPREAD_DEGREES = 0.004;
    private static final long SURGE_SALT = 0x5EED5EED5EED5EEDL;
    private static final long REPLY_SALT = 0x2E7E_2E7E_2E7E_2E7EL;
    private static final double REPLY_SHARE = 0.8;
    private static final int SLA_DAYS_WHEN_UNSET = 15;
    private static final List<String> BUSINESS_MARKERS = List.of("经济管理", "商贸旅游", "科技与信息产业", "建筑市场",
            "劳动关系", "企业", "知识产权", "市场监管", "质监", "税");
    private static final List<String> RURAL_MARKERS = List.of("农村", "农业", "集体土地", "土地征收", "村镇", "林业",
            "草原", "水库移民", "土地承包", "扶贫");
    private static final List<String> COMPANY_WORDS = List.of("恒达", "鑫源", "华兴", "佳美", "宏远", "锦程", "瑞祥",
            "盛通", "新锐", "安泰", "启明", "润丰", "腾跃", "联创", "德邦", "汇通");
    private static final List<String> INDUSTRIES = List.of("科技", "商贸", "建筑工程", "物流", "餐饮管理", "房地产开发",
            "电子", "食品", "机械制造", "物业管理", "教育咨询", "装饰工程");

    /**
     * @param from             first possible arrival (inclusive)
     * @param to               end of the arrival window (exclusive)
     * @param phoneInContent   share of demands whose content carries a phone number
     * @param idNumberInContent share whose content carries an 18-digit resident ID number
     * @param emailInContent   share whose content carries an e-mail address
     * @param surges           emerging issues to plant; empty for none
     */
    public record Settings(OffsetDateTime from, OffsetDateTime to, double phoneInContent, double idNumberInContent,
                           double emailInContent, List<Surge> surges) {
        public Settings {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            surges = surges == null ? List.of() : List.copyOf(surges);
            if (from.plusHours(1).isAfter(to)) {
                throw new IllegalArgumentException("the arrival window must span at least an hour: " + from + " .. " + to);
            }
            for (double rate : new double[] {phoneInContent, idNumberInContent, emailInContent}) {
                if (rate < 0 || rate > 1) {
                    throw new IllegalArgumentException("a rate must be between 0 and 1: " + rate);
                }
            }
        }

        /**
         * 13 weeks from Monday 2026-01-05 (+08:00); phone numbers in 10% of texts, ID numbers and e-mails in 3%;
         * no surges.
         */
        public static Settings defaults() {
            return window(LocalDate.of(2026, 1, 5), 91);
        }

        /** The default rates over {@code days} days from midnight of {@code firstDay}, city time. */
        public static Settings window(LocalDate firstDay, int days) {
            if (days < 1) {
                throw new IllegalArgumentException("days must be at least 1: " + days);
            }
            OffsetDateTime from = firstDay.atStartOfDay().atOffset(CITY_OFFSET);
            return new Settings(from, from.plusDays(days), 0.10, 0.03, 0.03, List.of());
        }

        public Settings withPersonalDataRates(double phone, double idNumber, double email) {
            return new Settings(from, to, phone, idNumber, email, surges);
        }

        public Settings withSurges(List<Surge> newSurges) {
            return new Settings(from, to, phoneInContent, idNumberInContent, emailInContent, newSurges);
        }
    }

    private final Taxonomy taxonomy;
    private final Gazetteer gazetteer;
    private final Settings settings;
    private final long seed;
    private final LeafMix leafMix;
    private final ArrivalRhythm rhythm;
    private final DemandWriter writer;
    private final ReplyWriter replyWriter;
    private final List<District> urban;
    private final List<District> rural;

    public SyntheticDemands(Taxonomy taxonomy, Gazetteer gazetteer, Settings settings, long seed) {
        this.taxonomy = taxonomy;
        this.gazetteer = gazetteer;
        this.settings = settings;
        this.seed = seed;
        this.leafMix = new LeafMix(taxonomy, seed);
        this.rhythm = new ArrivalRhythm(settings.from(), settings.to());
        PhraseBank phrases = PhraseBank.loadDefault();
        this.writer = new DemandWriter(phrases);
        this.replyWriter = new ReplyWriter(phrases);
        this.urban = gazetteer.districts().stream().filter(d -> !d.rural()).toList();
        this.rural = gazetteer.districts().stream().filter(District::rural).toList();
        settings.surges().forEach(this::checkSurge);
    }

    /** @throws IllegalArgumentException (or TaxonomyException) naming what the taxonomy or city lacks */
    private void checkSurge(Surge surge) {
        TaxonomyNode node = taxonomy.require(surge.leafPath());
        if (!taxonomy.children(node.path()).isEmpty()) {
            throw new IllegalArgumentException("surge path " + String.join("/", surge.leafPath())
                    + " is not a leaf of taxonomy " + taxonomy.version());
        }
        if (surge.district() != null) {
            District district = gazetteer.district(surge.district()).orElseThrow(() -> new IllegalArgumentException(
                    "surge district " + surge.district() + " is not a district of " + gazetteer.city()));
            if (surge.street() != null && district.streets().stream().noneMatch(s -> s.name().equals(surge.street()))) {
                throw new IllegalArgumentException("surge street " + surge.street() + " is not a street of "
                        + surge.district());
            }
        }
    }

    /** The default taxonomy, the fictional city 澜江市 and {@link Settings#defaults()}. */
    public static SyntheticDemands withDefaults(long seed) {
        return new SyntheticDemands(Taxonomy.loadDefault(), Gazetteer.defaultCity(), Settings.defaults(), seed);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** {@code count} records in arrival order. */
    public List<HotlineRecord> generate(int count) {
        List<HotlineRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(record(i, count));
        }
        return records;
    }

    /** The same records as {@link #generate}, made one at a time (for files larger than memory). */
    public Stream<HotlineRecord> stream(long count) {
        return LongStream.range(0, count).mapToObj(i -> record(i, count));
    }

    /** Record {@code index} of a run of {@code total}: the same whatever else is generated. */
    public HotlineRecord record(long index, long total) {
        if (index < 0 || index >= total) {
            throw new IndexOutOfBoundsException("record " + index + " of " + total);
        }
        SplittableRandom rng = new SplittableRandom(mix(seed, index));
        OffsetDateTime receivedAt = rhythm.at((index + rng.nextDouble()) / total);
        Surge surge = surgeAt(receivedAt, index);
        TaxonomyNode sampled = leafMix.sample(rng);
        TaxonomyNode leaf = surge == null ? sampled : taxonomy.require(surge.leafPath());
        DemandKind kind = DemandKind.sample(rng);
        Channel channel = channel(rng);
        boolean enterprise = rng.nextDouble() < (matches(leaf, BUSINESS_MARKERS)
                ? ENTERPRISE_SHARE_OF_BUSINESS : ENTERPRISE_SHARE_OTHERWISE);
        Scene scene = scene(leaf, enterprise, surge, rng);
        DemandWriter.Words words = words(leaf, rng);
        if (surge != null && surge.phrase() != null) {
            words = new DemandWriter.Words(surge.phrase(), words.kw2(), words.topic());
        }
        DemandWriter.Text text = writer.write(words, scene, kind, channel, personalData(rng), rng);

        boolean hasDistrict = rng.nextDouble() < 0.96;
        boolean hasStreet = hasDistrict && rng.nextDouble() < 0.95;
        boolean hasAddress = hasStreet && rng.nextDouble() < 0.9;
        GeoPoint location = hasStreet && rng.nextDouble() < locationShare(channel)
                ? near(scene.street().centre(), rng) : null;
        return new HotlineRecord(
                String.format("SYN-%d-%08d", seed, index),
                receivedAt,
                text.title(),
                text.content(),
                channel,
                hasDistrict ? scene.district().name() : null,
                hasStreet ? scene.street().name() : null,
                hasAddress ? scene.address(gazetteer.city(), rng) : null,
                location,
                caller(channel, rng),
                enterprise,
                leaf.path(),
                reply(index, receivedAt, leaf, words, scene));
    }

    /**
     * The official reply of most demands answered, within the node's SLA, before the end of the window: older
     * demands have one, recent ones are still open. Drawn from its own stream, so that the rest of a record is the
     * same as before replies existed.
     */
    private Reply reply(long index, OffsetDateTime receivedAt, TaxonomyNode leaf, DemandWriter.Words words,
                        Scene scene) {
        SplittableRandom rng = new SplittableRandom(mix(seed ^ REPLY_SALT, index));
        if (rng.nextDouble() >= REPLY_SHARE) {
            return null;
        }
        int slaDays = leaf.slaDays() > 0 ? leaf.slaDays() : SLA_DAYS_WHEN_UNSET;
        OffsetDateTime repliedAt = receivedAt.plusDays(1 + rng.nextInt(slaDays))
                .withHour(9 + rng.nextInt(9)).withMinute(rng.nextInt(60)).withSecond(rng.nextInt(60)).withNano(0);
        if (!repliedAt.isBefore(settings.to())) {
            return null;
        }
        return replyWriter.write(words, scene, leaf.department(), repliedAt, rng);
    }

    /**
     * The surge that takes over record {@code index}, if any. Drawn from its own stream, so that records a surge
     * does not take are the same as without surges.
     */
    private Surge surgeAt(OffsetDateTime receivedAt, long index) {
        if (settings.surges().isEmpty()) {
            return null;
        }
        double u = new SplittableRandom(mix(seed ^ SURGE_SALT, index)).nextDouble();
        for (Surge surge : settings.surges()) {
            if (surge.covers(receivedAt)) {
                if (u < surge.share()) {
                    return surge;
                }
                u -= surge.share();
            }
        }
        return null;
    }

    /** SplitMix64 finaliser of seed and index: independent streams per record. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static boolean matches(TaxonomyNode leaf, List<String> markers) {
        return leaf.path().stream().anyMatch(name -> markers.stream().anyMatch(name::contains));
    }

    private static Channel channel(RandomGenerator rng) {
        double u = rng.nextDouble();
        if (u < 0.55) {
            return Channel.PHONE;
        } else if (u < 0.70) {
            return Channel.WECHAT;
        } else if (u < 0.84) {
            return Channel.WEB;
        } else if (u < 0.96) {
            return Channel.APP;
        } else if (u < 0.99) {
            return Channel.EMAIL;
        }
        return Channel.OTHER;
    }

    private static double locationShare(Channel channel) {
        return switch (channel) {
            case APP -> 0.9;
            case WECHAT -> 0.8;
            case PHONE -> 0.35;
            case WEB -> 0.3;
            case EMAIL, OTHER -> 0.1;
        };
    }

    private Scene scene(TaxonomyNode leaf, boolean enterprise, Surge surge, RandomGenerator rng) {
        double ruralShare = matches(leaf, RURAL_MARKERS) ? RURAL_SHARE_OF_RURAL_LEAVES : RURAL_SHARE_OTHERWISE;
        List<District> pool = rural.isEmpty() ? urban
                : urban.isEmpty() || rng.nextDouble() < ruralShare ? rural : urban;
        District district = pool.get(rng.nextInt(pool.size()));
        Street street = district.streets().get(rng.nextInt(district.streets().size()));
        if (surge != null && surge.district() != null) {
            district = gazetteer.district(surge.district()).orElseThrow();
            street = surge.street() == null ? district.streets().get(rng.nextInt(district.streets().size()))
                    : district.streets().stream().filter(s -> s.name().equals(surge.street())).findFirst().orElseThrow();
        }
        String community = street.communities().get(rng.nextInt(street.communities().size()));
        String road = street.roads().get(rng.nextInt(street.roads().size()));
        String company = enterprise ? companyName(rng) : null;
        return new Scene(district, street, community, road, company);
    }

    private String companyName(RandomGenerator rng) {
        String city = gazetteer.city().endsWith("市")
                ? gazetteer.city().substring(0, gazetteer.city().length() - 1) : gazetteer.city();
        return city + COMPANY_WORDS.get(rng.nextInt(COMPANY_WORDS.size()))
                + INDUSTRIES.get(rng.nextInt(INDUSTRIES.size())) + "有限公司";
    }

    /**
     * The leaf's keywords, sometimes mixed with a neighbouring leaf's (citizens do not write in the taxonomy's
     * terms), so that the label is learnable but not given away.
     */
    private DemandWriter.Words words(TaxonomyNode leaf, RandomGenerator rng) {
        List<String> own = keywordsOf(leaf);
        String kw = own.get(rng.nextInt(own.size()));
        String kw2 = own.size() > 1 ? other(own, kw, rng) : topic(leaf);
        double u = rng.nextDouble();
        if (u < CONFUSED_MAIN_WORD) {
            kw = pick(keywordsOf(leafMix.neighbour(leaf, rng)), rng);
        } else if (u < CONFUSED_MAIN_WORD + CONFUSED_SECOND_WORD) {
            kw2 = pick(keywordsOf(leafMix.neighbour(leaf, rng)), rng);
        } else if (u < CONFUSED_MAIN_WORD + CONFUSED_SECOND_WORD + RANDOM_SECOND_WORD) {
            kw2 = pick(keywordsOf(leafMix.any(rng)), rng);
        }
        return new DemandWriter.Words(kw, kw2, topic(leaf));
    }

    /** Keywords, or the node's and its parent's names for taxonomies without keywords. */
    private static List<String> keywordsOf(TaxonomyNode leaf) {
        if (!leaf.keywords().isEmpty()) {
            return leaf.keywords();
        }
        List<String> names = new ArrayList<>();
        names.add(topic(leaf));
        if (leaf.level() > 1 && !names.contains(leaf.path().get(leaf.level() - 2))) {
            names.add(leaf.path().get(leaf.level() - 2));
        }
        return names;
    }

    /** The leaf's name, or its parent's when the leaf is a catch-all "其他". */
    private static String topic(TaxonomyNode leaf) {
        for (int i = leaf.level() - 1; i >= 0; i--) {
            if (!leaf.path().get(i).startsWith("其他")) {
                return leaf.path().get(i);
            }
        }
        return leaf.name();
    }

    private static String pick(List<String> words, RandomGenerator rng) {
        return words.get(rng.nextInt(words.size()));
    }

    private static String other(List<String> words, String not, RandomGenerator rng) {
        String word;
        do {
            word = pick(words, rng);
        } while (word.equals(not));
        return word;
    }

    private List<String> personalData(RandomGenerator rng) {
        List<String> sentences = new ArrayList<>();
        if (rng.nextDouble() < settings.phoneInContent()) {
            String phone = rng.nextDouble() < LANDLINE_SHARE ? FakePii.landline(rng) : FakePii.mobile(rng);
            sentences.add(switch (rng.nextInt(3)) {
                case 0 -> "联系电话：" + phone + "。";
                case 1 -> "我的电话是" + phone + "，请回电。";
                default -> "有事可以打" + phone + "联系我。";
            });
        }
        if (rng.nextDouble() < settings.idNumberInContent()) {
            String id = FakePii.idNumber(rng);
            sentences.add(rng.nextBoolean() ? "本人身份证号：" + id + "。" : "我的身份证号码是" + id + "，以便核实。");
        }
        if (rng.nextDouble() < settings.emailInContent()) {
            String email = FakePii.email(rng);
            sentences.add(rng.nextBoolean() ? "回复请发邮件至" + email + "。" : "我的邮箱是" + email + "。");
        }
        return sentences;
    }

    private static Caller caller(Channel channel, RandomGenerator rng) {
        if (rng.nextDouble() >= (channel == Channel.PHONE ? 0.95 : 0.55)) {
            return null;
        }
        String phone = rng.nextDouble() < LANDLINE_SHARE ? FakePii.landline(rng) : FakePii.mobile(rng);
        double u = rng.nextDouble();
        String name = u < 0.45 ? FakePii.politeName(rng) : u < 0.6 ? FakePii.fullName(rng) : null;
        return new Caller(phone, name);
    }

    /** A point near the street centre: normal, about 400 m, cut at three spreads. */
    private static GeoPoint near(GeoPoint centre, RandomGenerator rng) {
        double dLat = Math.max(-3, Math.min(3, rng.nextGaussian())) * LOCATION_SPREAD_DEGREES;
        double dLon = Math.max(-3, Math.min(3, rng.nextGaussian())) * LOCATION_SPREAD_DEGREES;
        return new GeoPoint(round(centre.lat() + dLat), round(centre.lon() + dLon));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
