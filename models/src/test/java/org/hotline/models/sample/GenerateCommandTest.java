package org.hotline.models.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new GenerateCommand());
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void writesOneJsonRecordPerLineThatMatchesTheGenerator() throws IOException {
        Path out = dir.resolve("demands.jsonl");

        int exit = run("--records", "300", "--seed", "9", "--out", out.toString());

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(300);
        HotlineRecord first = HotlineRecordJson.read(lines.get(0));
        assertThat(first).isEqualTo(SyntheticDemands.withDefaults(9).record(0, 300));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theWindowAndTaxonomyOptionsApply() throws IOException {
        Path taxonomy = dir.resolve("mini.csv");
        Files.writeString(taxonomy, "一级分类,二级分类,三级分类\n民政,社会救助,城镇低保\n民政,社会救助,农村低保\n");
        Path out = dir.resolve("mini.jsonl");

        int exit = run("--records", "50", "--taxonomy", taxonomy.toString(), "--from", "2025-06-01", "--days", "2",
                "--out", out.toString());

        assertThat(exit).isZero();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            HotlineRecord record = HotlineRecordJson.read(line);
            assertThat(record.labels().get(0)).isEqualTo("民政");
            assertThat(record.receivedAt().toLocalDate().toString()).isIn("2025-06-01", "2025-06-02");
        }
    }

    @Test
    void aBadTaxonomyIsAOneLineUserError() throws IOException {
        Path taxonomy = dir.resolve("bad.csv");
        Files.writeString(taxonomy, "level1,level2\n民政,社会救助\n");

        int exit = run("--records", "5", "--taxonomy", taxonomy.toString(), "--out", dir.resolve("x.jsonl").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("hotline generate: ").contains("missing column level3")
                .hasLineCount(1);
    }

    @Test
    void badNumbersAndPathsAreUserErrors() {
        assertThat(run("--records", "0", "--out", dir.resolve("a.jsonl").toString())).isEqualTo(2);
        assertThat(run("--records", "5", "--days", "0", "--out", dir.resolve("b.jsonl").toString())).isEqualTo(2);
        assertThat(run("--records", "5", "--out", dir.resolve("no/such/dir/c.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--records must be at least 1", "--days must be at least 1",
                "does not exist");
    }

    @Test
    void surgesArePlantedAndBadOnesAreUserErrors() throws IOException {
        Path out = dir.resolve("surge.jsonl");

        int exit = run("--records", "400", "--days", "4", "--out", out.toString(),
                "--surge", "城乡建设/城市建设和市政管理/燃气供应@江滨区:2026-01-06:1:0.5");

        assertThat(exit).isZero();
        long gas = Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> l.contains("燃气供应")).count();
        assertThat(gas).isGreaterThan(30);
        assertThat(run("--records", "5", "--out", out.toString(), "--surge", "燃气供应")).isEqualTo(2);
        assertThat(err.toString()).contains("bad surge '燃气供应'").hasLineCount(1);
    }

    @Test
    void helpDocumentsEveryOption() {
        String help = new CommandLine(new GenerateCommand()).getUsageMessage();

        assertThat(help).contains("--records", "--seed", "--taxonomy", "--from", "--days", "--out", "--surge", "--no-progress",
                "Default: 42", "Default: 2026-01-05");
    }
}
