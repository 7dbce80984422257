package org.hotline.models.sample;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Where a demand happens and who raises it: the places and company that fill a demand's text and fields.
 *
 * @param company null unless an enterprise raises the demand
 */
record Scene(District district, Street street, String community, String road, String company) {
    private static final List<String> LANDMARKS = List.of("菜市场", "公交站", "小学", "幼儿园", "公园", "超市",
            "停车场", "广场", "医院", "地铁站", "卫生院", "农贸市场");
    private static final List<String> COMPOUND_SUFFIXES = List.of("小区", "花园", "家园", "公寓");

    /** A place phrase such as 桂花社区、解放路128号附近、人民路与建设路交叉口. */
    String place(RandomGenerator rng) {
        String stem = stem(community);
        return switch (rng.nextInt(7)) {
            case 0 -> community;
            case 1 -> road + (10 + rng.nextInt(290)) + "号附近";
            case 2 -> otherRoad(rng).map(other -> road + "与" + other + "交叉口").orElse(road);
            case 3 -> street.name() + community;
            case 4 -> stem + LANDMARKS.get(rng.nextInt(LANDMARKS.size())) + (rng.nextBoolean() ? "附近" : "门口");
            case 5 -> district.rural() ? community + (1 + rng.nextInt(9)) + "组" : compound(rng);
            default -> road;
        };
    }

    /** A short place for titles. */
    String shortPlace(RandomGenerator rng) {
        return rng.nextBoolean() ? community : road;
    }

    /** A postal-style address inside the scene's street. */
    String address(String city, RandomGenerator rng) {
        String prefix = city + district.name() + street.name();
        if (district.rural()) {
            return prefix + community + (1 + rng.nextInt(12)) + "组";
        }
        String door = road + (1 + rng.nextInt(400)) + "号";
        return rng.nextInt(3) == 0 ? prefix + door
                : prefix + door + compound(rng) + (1 + rng.nextInt(30)) + "栋" + (1 + rng.nextInt(4)) + "单元";
    }

    private String compound(RandomGenerator rng) {
        return stem(community) + COMPOUND_SUFFIXES.get(rng.nextInt(COMPOUND_SUFFIXES.size()));
    }

    private Optional<String> otherRoad(RandomGenerator rng) {
        List<String> others = street.roads().stream().filter(r -> !r.equals(road)).toList();
        return others.isEmpty() ? Optional.empty()
                : Optional.of(others.get(rng.nextInt(others.size())));
    }

    /** 桂花园社区 → 桂花园, 王家村 → 王家. */
    static String stem(String community) {
        for (String suffix : List.of("社区", "居委会", "村")) {
            if (community.endsWith(suffix) && community.length() > suffix.length()) {
                return community.substring(0, community.length() - suffix.length());
            }
        }
        return community;
    }
}
