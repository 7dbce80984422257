package org.hotline.models.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {
    private final Gazetteer city = Gazetteer.defaultCity();

    @Test
    void theDefaultCityHasTenDistrictsOfSixToTenStreets() {
        assertThat(city.city()).isEqualTo("澜江市");
        assertThat(city.districts()).hasSize(10);
        assertThat(city.districts()).allSatisfy(d -> assertThat(d.streets()).hasSizeBetween(6, 10));
        assertThat(city.districts()).filteredOn(District::rural).extracting(District::name)
                .allSatisfy(name -> assertThat(name).endsWith("县")).hasSize(3);
        assertThat(city.streets()).hasSize(76).allSatisfy(street -> {
            assertThat(street.communities()).hasSizeBetween(4, 6);
            assertThat(street.roads()).hasSizeBetween(2, 4);
        });
    }

    @Test
    void streetsLieNearTheirDistrictAndTheCity() {
        for (District district : city.districts()) {
            double reach = district.rural() ? 0.1 : 0.04;
            assertThat(district.streets()).allSatisfy(street -> {
                assertThat(street.district()).isEqualTo(district.name());
                assertThat(Math.abs(street.centre().lat() - district.centre().lat())).isLessThan(reach);
                assertThat(Math.abs(street.centre().lon() - district.centre().lon())).isLessThan(reach);
            });
            assertThat(Math.abs(district.centre().lat() - city.centre().lat())).isLessThan(0.5);
            assertThat(Math.abs(district.centre().lon() - city.centre().lon())).isLessThan(0.5);
        }
    }

    @Test
    void placeNamesListEveryNameOnce() {
        List<String> names = city.placeNames();

        assertThat(names).doesNotHaveDuplicates().contains("澜江市", "江滨区", "解放街道", "北塘镇");
        assertThat(names).containsAll(city.streets().get(5).communities()).containsAll(city.streets().get(5).roads());
        assertThat(names).allSatisfy(name -> assertThat(name).isNotBlank().doesNotContain("|", ","));
        assertThat(names.size()).isGreaterThan(1 + 10 + 76 + 76 * 4);
    }

    @Test
    void districtsAreFoundByName() {
        assertThat(city.district("高新区")).get().extracting(District::rural).isEqualTo(false);
        assertThat(city.district("不存在区")).isEmpty();
    }
}
