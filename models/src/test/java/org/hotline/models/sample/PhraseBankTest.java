package org.hotline.models.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PhraseBankTest {
    private static final Set<String> SLOTS = Set.of("kw", "kw2", "topic", "place", "community", "road", "street",
            "district", "time", "n", "company", "since");
    private static final List<String> SECTIONS = List.of("title.complaint", "title.help", "title.consult",
            "title.suggest", "title.report", "opening.first", "opening.third", "opening.enterprise", "duration",
            "time", "background", "problem", "problem.consult", "problem.suggest", "detail", "impact", "prior",
            "request", "request.consult", "noise");

    @Test
    void everySectionTheWriterUsesExistsAndUsesOnlyKnownSlots() {
        PhraseBank bank = PhraseBank.loadDefault();
        Pattern slot = Pattern.compile("\\{([^}]*)}");

        for (String section : SECTIONS) {
            assertThat(bank.section(section)).as(section).isNotEmpty().allSatisfy(template -> {
                Matcher m = slot.matcher(template);
                while (m.find()) {
                    assertThat(SLOTS).as("slot in %s", template).contains(m.group(1));
                }
            });
        }
    }

    @Test
    void theProblemSentencesCarryTheKeyword() {
        assertThat(PhraseBank.loadDefault().section("problem")).allSatisfy(t -> assertThat(t).contains("{kw}"));
    }

    @Test
    void aLineBeforeAnySectionIsRejected() {
        assertThatThrownBy(() -> PhraseBank.parse(new BufferedReader(new StringReader("orphan\n[a]\nx\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orphan");
        assertThatThrownBy(() -> PhraseBank.loadDefault().section("missing"))
                .hasMessageContaining("[missing]");
    }
}
