package org.hotline.models.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FakePiiTest {
    private final SplittableRandom rng = new SplittableRandom(1);

    @Test
    void checkCharacterMatchesThePublishedExample() {
        // the sample number of the GB 11643-1999 standard
        assertThat(FakePii.idCheckChar("11010519491231002")).isEqualTo('X');
        assertThat(FakePii.idCheckChar("44052418800101001")).isEqualTo('4');
        assertThatThrownBy(() -> FakePii.idCheckChar("1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idNumbersAreWellFormed() {
        for (int i = 0; i < 500; i++) {
            String id = FakePii.idNumber(rng);
            assertThat(id).matches("\\d{17}[\\dX]");
            assertThat(id.charAt(17)).isEqualTo(FakePii.idCheckChar(id.substring(0, 17)));
            LocalDate birth = LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-"
                    + id.substring(12, 14));
            assertThat(birth).isBetween(LocalDate.of(1950, 1, 1), LocalDate.of(2005, 12, 31));
        }
    }

    @Test
    void phonesAndMailsAreWellFormed() {
        for (int i = 0; i < 500; i++) {
            assertThat(FakePii.mobile(rng)).matches("1[3-9]\\d{9}");
            assertThat(FakePii.landline(rng)).matches("0\\d{3}-[2-9]\\d{6}");
            assertThat(FakePii.email(rng)).matches("[a-z]+\\d{4}@[a-z.]*example\\.(com|cn|net)");
            assertThat(FakePii.fullName(rng)).hasSizeBetween(2, 3);
            assertThat(FakePii.politeName(rng)).matches(".(先生|女士)");
        }
    }
}
