package org.hotline.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailDirectoryTest {

    @Test
    void readsDepartmentsDistrictsAndTheFallbackSkippingCommentsAndTheHeader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mailboxes.csv");
        // With a byte-order mark, as a spreadsheet saves it.
        Files.writeString(file, "\uFEFF" + String.join("\n", NotifyFixtures.DIRECTORY), StandardCharsets.UTF_8);

        MailDirectory directory = MailDirectory.load(file);

        assertThat(directory.department("市住房和城乡建设局")).containsExactly("zjj@example.gov.cn");
        assertThat(directory.department("市供热办")).containsExactly("heat@example.gov.cn", "heat-night@example.gov.cn");
        assertThat(directory.district("澜江区")).containsExactly("lanjiang@example.gov.cn");
        assertThat(directory.district("云台区")).isEmpty();
        assertThat(directory.fallback()).containsExactly("duty@example.gov.cn");
        assertThat(directory.summary()).isEqualTo("2 departments, 2 districts, fallback duty@example.gov.cn");
    }

    @Test
    void everyBadLineIsNamedWithItsNumber() {
        List<String> lines = List.of(
                "fallback,值班室,duty@example.gov.cn",
                "department,市水务局",
                "dept,市水务局,water@example.gov.cn",
                "district,澜江区,lanjiang@example",
                "district,,nobody@example.gov.cn",
                "district,东岭区,dongling@example.gov.cn",
                "district,东岭区,DongLing@example.gov.cn");

        assertThatThrownBy(() -> MailDirectory.parse(lines, "mailboxes.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mail directory mailboxes.csv: ")
                .hasMessageContaining("line 2: expected kind,name,email (3 fields), got 2")
                .hasMessageContaining("line 3: kind 'dept' is not department, district or fallback")
                .hasMessageContaining("line 4: 'lanjiang@example' is not an e-mail address")
                .hasMessageContaining("line 5: a district row needs a name")
                .hasMessageContaining("line 7: repeats line 6");
    }

    @Test
    void aDirectoryWithoutFallbackIsRefused() {
        assertThatThrownBy(() -> MailDirectory.parse(List.of("district,澜江区,lanjiang@example.gov.cn"), "m.csv"))
                .hasMessageContaining("no fallback row");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> MailDirectory.load(dir.resolve("none.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none.csv does not exist");
    }

    @Test
    void addressesNeedALocalPartAndADottedDomain() {
        assertThat(MailDirectory.isAddress("wang.li+alerts@mail.example.gov.cn")).isTrue();
        assertThat(MailDirectory.isAddress("duty@gov")).isFalse();
        assertThat(MailDirectory.isAddress("@example.gov.cn")).isFalse();
        assertThat(MailDirectory.isAddress("a b@example.gov.cn")).isFalse();
        assertThat(MailDirectory.isAddress(null)).isFalse();
    }
}
