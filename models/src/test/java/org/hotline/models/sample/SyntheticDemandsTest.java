package org.hotline.models.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.models.records.Channel;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;
import org.junit.jupiter.api.Test;

class SyntheticDemandsTest {
    private static final int N = 4000;
    private static final List<HotlineRecord> RECORDS = SyntheticDemands.withDefaults(11).generate(N);
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{3}-\\d{7}(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dX](?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._-]+@[a-z0-9.-]+\\.[a-z]+");

    private static double share(java.util.function.Predicate<HotlineRecord> test) {
        return RECORDS.stream().filter(test).count() / (double) N;
    }

    @Test
    void theSameSeedGivesTheSameRecords() {
        List<String> again = SyntheticDemands.withDefaults(11).stream(N).map(HotlineRecordJson::write).toList();

        assertThat(again).containsExactlyElementsOf(RECORDS.stream().map(HotlineRecordJson::write).toList());
    }

    @Test
    void anotherSeedGivesOtherRecords() {
        List<HotlineRecord> other = SyntheticDemands.withDefaults(12).generate(50);

        assertThat(other.get(10).content()).isNotEqualTo(RECORDS.get(10).content());
        assertThat(other.get(10).id()).isNotEqualTo(RECORDS.get(10).id());
    }

    @Test
    void aRecordDoesNotDependOnTheOthersOfItsRun() {
        SyntheticDemands generator = SyntheticDemands.withDefaults(11);

        assertThat(generator.record(1234, N)).isEqualTo(RECORDS.get(1234));
        assertThatThrownBy(() -> generator.record(N, N)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void everyLabelIsALeafPathOfTheTaxonomy() {
        Taxonomy taxonomy = Taxonomy.loadDefault();
        Set<List<String>> leaves = new HashSet<>();
        taxonomy.leaves().forEach(leaf -> leaves.add(leaf.path()));

        assertThat(RECORDS).allSatisfy(r -> assertThat(leaves).contains(r.labels()));
    }

    @Test
    void leavesFollowASkewedMixWithALongTail() {
        Map<List<String>, Integer> counts = new HashMap<>();
        RECORDS.forEach(r -> counts.merge(r.labels(), 1, Integer::sum));
        List<Integer> sorted = counts.values().stream().sorted(Comparator.reverseOrder()).toList();

        assertThat(counts).hasSizeGreaterThan(300);
        assertThat(sorted.get(0)).isGreaterThan(10 * sorted.get(sorted.size() / 2));
        assertThat(counts.get(List.of("环境保护", "环境污染", "噪音污染"))).isEqualTo(sorted.get(0));
    }

    @Test
    void timesIncreaseInsideTheWindowAtTheCityOffset() {
        var settings = SyntheticDemands.Settings.defaults();

        assertThat(RECORDS).allSatisfy(r -> {
            assertThat(r.receivedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
            assertThat(r.receivedAt()).isAfterOrEqualTo(settings.from()).isBefore(settings.to());
        });
        assertThat(RECORDS).extracting(HotlineRecord::receivedAt).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void arrivalsPeakInWorkingHoursAndOnWeekdays() {
        long morningPeak = RECORDS.stream().filter(r -> r.receivedAt().getHour() == 10).count();
        long night = RECORDS.stream().filter(r -> r.receivedAt().getHour() == 3).count();
        long weekdays = RECORDS.stream().filter(r -> r.receivedAt().getDayOfWeek().getValue() <= 5).count();
        long sundays = RECORDS.stream().filter(r -> r.receivedAt().getDayOfWeek() == DayOfWeek.SUNDAY).count();

        assertThat(morningPeak).isGreaterThan(10 * night);
        assertThat(weekdays / 5.0).isGreaterThan(1.2 * sundays);
    }

    @Test
    void textsAreReadableDemandsOfTheUsualLength() {
        assertThat(RECORDS).allSatisfy(r -> {
            assertThat(r.title()).isNotBlank().hasSizeLessThanOrEqualTo(40).doesNotContain("{", "}");
            assertThat(r.content()).hasSizeBetween(DemandWriter.MIN_CONTENT, DemandWriter.MAX_CONTENT)
                    .doesNotContain("{", "}", "null");
            assertThat(r.content()).matches("(?s).*[。！]");
        });
        double meanLength = RECORDS.stream().mapToInt(r -> r.content().length()).average().orElseThrow();
        assertThat(meanLength).isBetween(100.0, 250.0);
    }

    @Test
    void theLeafsWordsCarryTheSignalButNotAlways() {
        Taxonomy taxonomy = Taxonomy.loadDefault();
        double withOwnKeyword = share(r -> taxonomy.require(r.labels()).keywords().stream()
                .anyMatch(word -> r.text().contains(word)));
        double withForeignKeyword = share(r -> {
            TaxonomyNode leaf = taxonomy.require(r.labels());
            return taxonomy.children(leaf.path().subList(0, 2)).stream().filter(sibling -> !sibling.equals(leaf))
                    .flatMap(sibling -> sibling.keywords().stream())
                    .anyMatch(word -> !leaf.keywords().contains(word) && r.text().contains(word));
        });

        assertThat(withOwnKeyword).isGreaterThan(0.95);
        assertThat(withForeignKeyword).isBetween(0.08, 0.4);
    }

    @Test
    void personalDataAppearsInContentAtTheIntendedRates() {
        double phones = share(r -> MOBILE.matcher(r.content()).find() || LANDLINE.matcher(r.content()).find());
        double ids = share(r -> ID_NUMBER.matcher(r.content()).find());
        double emails = share(r -> EMAIL.matcher(r.content()).find());

        assertThat(phones).isBetween(0.08, 0.12);
        assertThat(ids).isBetween(0.02, 0.04);
        assertThat(emails).isBetween(0.02, 0.04);
    }

    @Test
    void idNumbersInContentHaveAValidCheckCharacter() {
        RECORDS.forEach(r -> {
            Matcher m = ID_NUMBER.matcher(r.content());
            while (m.find()) {
                String id = m.group();
                assertThat(id.charAt(17)).isEqualTo(FakePii.idCheckChar(id.substring(0, 17)));
                assertThat(LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-"
                        + id.substring(12, 14))).isBefore(LocalDate.of(2006, 1, 1));
            }
        });
    }

    @Test
    void ratesCanBeTurnedOff() {
        var quiet = new SyntheticDemands(Taxonomy.loadDefault(), Gazetteer.defaultCity(),
                SyntheticDemands.Settings.defaults().withPersonalDataRates(0, 0, 0), 3);

        assertThat(quiet.generate(500)).noneMatch(r -> MOBILE.matcher(r.content()).find()
                || ID_NUMBER.matcher(r.content()).find() || EMAIL.matcher(r.content()).find());
    }

    @Test
    void callersHaveWellFormedPhonesAndMostPhoneCallsHaveACaller() {
        Pattern phone = Pattern.compile("1[3-9]\\d{9}|0\\d{3}-\\d{7}");

        assertThat(RECORDS).filteredOn(r -> r.caller() != null)
                .allSatisfy(r -> assertThat(r.caller().phone()).matches(phone));
        double phoneCallsWithCaller = RECORDS.stream().filter(r -> r.channel() == Channel.PHONE)
                .filter(r -> r.caller() != null).count()
                / (double) RECORDS.stream().filter(r -> r.channel() == Channel.PHONE).count();
        assertThat(phoneCallsWithCaller).isGreaterThan(0.9);
        assertThat(share(r -> r.caller() != null && r.caller().phone().contains("-"))).isBetween(0.05, 0.25);
    }

    @Test
    void placesComeFromTheGazetteerAndLocationsLieNearTheirStreet() {
        Gazetteer city = Gazetteer.defaultCity();

        assertThat(RECORDS).filteredOn(r -> r.street() != null).allSatisfy(r -> {
            District district = city.district(r.district()).orElseThrow();
            Street street = district.streets().stream().filter(s -> s.name().equals(r.street())).findFirst()
                    .orElseThrow();
            if (r.address() != null) {
                assertThat(r.address()).startsWith(city.city() + r.district() + r.street());
            }
            if (r.location() != null) {
                assertThat(Math.abs(r.location().lat() - street.centre().lat())).isLessThan(0.013);
                assertThat(Math.abs(r.location().lon() - street.centre().lon())).isLessThan(0.013);
            }
        });
        assertThat(share(r -> r.district() != null)).isGreaterThan(0.9);
        assertThat(share(r -> r.location() != null)).isBetween(0.3, 0.7);
    }

    @Test
    void businessDemandsComeFromEnterprisesMoreOften() {
        double business = RECORDS.stream().filter(r -> r.labels().get(0).equals("经济管理"))
                .filter(HotlineRecord::enterprise).count()
                / (double) RECORDS.stream().filter(r -> r.labels().get(0).equals("经济管理")).count();

        assertThat(business).isBetween(0.2, 0.5);
        assertThat(share(HotlineRecord::enterprise)).isBetween(0.03, 0.2);
        assertThat(RECORDS).filteredOn(HotlineRecord::enterprise).filteredOn(r -> r.content().contains("有限公司"))
                .hasSizeGreaterThan(RECORDS.stream().filter(HotlineRecord::enterprise).toList().size() / 2);
    }

    @Test
    void everyChannelOccursAndPhoneDominates() {
        Map<Channel, Long> counts = new HashMap<>();
        RECORDS.forEach(r -> counts.merge(r.channel(), 1L, Long::sum));

        assertThat(counts.keySet()).containsExactlyInAnyOrder(Channel.values());
        assertThat(counts.get(Channel.PHONE)).isGreaterThan(N / 2L);
    }

    @Test
    void idsAreUniqueAndRoundTripThroughJson() throws Exception {
        assertThat(RECORDS.stream().map(HotlineRecord::id).distinct().count()).isEqualTo(N);
        for (HotlineRecord r : RECORDS.subList(0, 200)) {
            assertThat(HotlineRecordJson.read(HotlineRecordJson.write(r))).isEqualTo(r);
        }
    }

    @Test
    void mostOlderDemandsHaveAReplyWithinTheirSlaAndTheNewestHaveNone() {
        var settings = SyntheticDemands.Settings.defaults();
        Taxonomy taxonomy = Taxonomy.loadDefault();
        List<HotlineRecord> replied = RECORDS.stream().filter(r -> r.reply() != null).toList();

        assertThat(share(r -> r.reply() != null)).isBetween(0.6, 0.8);
        assertThat(replied).allSatisfy(r -> {
            assertThat(r.reply().text()).hasSizeGreaterThan(20).doesNotContain("{", "}", "null");
            assertThat(r.reply().repliedAt()).isAfter(r.receivedAt()).isBefore(settings.to());
            assertThat(r.reply().repliedAt()).isBeforeOrEqualTo(
                    r.receivedAt().plusDays(taxonomy.require(r.labels()).slaDays() + 1));
            assertThat(r.reply().department()).isEqualTo(taxonomy.require(r.labels()).department());
        });
        assertThat(RECORDS.subList(N - 20, N)).allSatisfy(r -> assertThat(r.reply()).isNull());
        assertThat(RECORDS.stream().filter(r -> r.reply() == null).map(HotlineRecordJson::write))
                .allSatisfy(json -> assertThat(json).doesNotContain("reply"));
    }

    @Test
    void worksWithATaxonomyWithoutKeywords() {
        var plain = new org.hotline.models.taxonomy.Taxonomy("plain", List.of(
                new TaxonomyNode(List.of("民政"), "", List.of(), "", 0),
                new TaxonomyNode(List.of("民政", "社会救助"), "", List.of(), "", 0),
                new TaxonomyNode(List.of("民政", "社会救助", "城镇低保"), "", List.of(), "", 0),
                new TaxonomyNode(List.of("民政", "社会救助", "其他"), "", List.of(), "", 0)));

        List<HotlineRecord> records = new SyntheticDemands(plain, Gazetteer.defaultCity(),
                SyntheticDemands.Settings.defaults(), 5).generate(200);

        // without keywords the leaf's and its parent's names stand in; a catch-all "其他" never becomes a topic
        assertThat(records).allSatisfy(r -> assertThat(r.title()).doesNotContain("其他"));
        assertThat(records).filteredOn(r -> r.labels().get(2).equals("城镇低保"))
                .allSatisfy(r -> assertThat(r.text()).containsAnyOf("城镇低保", "社会救助"));
        assertThat(records).extracting(HotlineRecord::labels).containsOnly(
                List.of("民政", "社会救助", "城镇低保"), List.of("民政", "社会救助", "其他"));
    }
}
