package org.hotline.models.sample;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotline.models.console.ProgressBar;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hotline generate}: writes synthetic citizen demands as JSON Lines. */
@Command(name = "generate", sortOptions = false, showDefaultValues = true,
        description = {
                "Writes synthetic 12345 citizen demands (intake template records, one JSON object per line) in "
                        + "arrival order. Labels are leaf paths of the taxonomy; places come from the fictional "
                        + "city 澜江市. The same options and seed always give the same file.",
                "Example: hotline generate --records 10000 --seed 7 --out demands.jsonl"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:records written", "2:bad input (options, taxonomy file, surge, output path)"})
public final class GenerateCommand implements Callable<Integer> {
    private static final int USER_ERROR = 2;
    private static final long PROGRESS_THRESHOLD = 10_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--records", required = true, paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Number of records to write.")
    long records;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed.")
    long seed;

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "Taxonomy CSV or JSON (see docs/taxonomy.md); default: the built-in gov-3level taxonomy.")
    Path taxonomyFile;

    @Option(names = "--from", paramLabel = "DATE", defaultValue = "2026-01-05",
            description = "First day of arrivals (yyyy-mm-dd, city time +08:00).")
    LocalDate from;

    @Option(names = "--days", paramLabel = "D", defaultValue = "91", description = "Length of the arrival window in days.")
    int days;

    @Option(names = "--surge", paramLabel = "SPEC", showDefaultValue = Visibility.NEVER,
            description = {"Plant an emerging issue (repeatable): LEAF[@DISTRICT[/STREET]]:FIRST-DAY:DAYS:SHARE[:PHRASE], "
                    + "e.g. 环境保护/环境污染/噪音污染@江滨区/解放街道:2026-02-10:5:0.04 turns 4%% of the demands of "
                    + "those 5 days into noise complaints from that street. With PHRASE the demands name it instead of "
                    + "the leaf's keyword: a new problem for EMERGING. Other records stay as without it."})
    List<String> surges = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl|-", showDefaultValue = Visibility.NEVER,
            description = "Output file, or - for stdout.")
    String out;

    @Option(names = "--no-progress", description = "Do not draw a progress bar on stderr (drawn from 10,000 records).")
    boolean noProgress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (records < 1) {
            return userError(err, "--records must be at least 1, got " + records);
        }
        if (days < 1) {
            return userError(err, "--days must be at least 1, got " + days);
        }
        SyntheticDemands generator;
        try {
            Taxonomy taxonomy = taxonomyFile == null ? Taxonomy.loadDefault() : Taxonomy.load(taxonomyFile);
            List<Surge> planted = surges.stream().map(Surge::parse).toList();
            generator = new SyntheticDemands(taxonomy, Gazetteer.defaultCity(),
                    SyntheticDemands.Settings.window(from, days).withSurges(planted), seed);
        } catch (TaxonomyException | IllegalArgumentException e) {
            return userError(err, e.getMessage());
        }
        try (Writer writer = open()) {
            write(generator, writer, noProgress || records < PROGRESS_THRESHOLD ? null
                    : new ProgressBar("generating", records));
        } catch (IOException e) {
            return userError(err, "cannot write " + out + ": " + e.getMessage());
        }
        return 0;
    }

    private Writer open() throws IOException {
        if ("-".equals(out)) {
            // not closed with the writer's stream: stdout belongs to the process
            return new BufferedWriter(new OutputStreamWriter(new NonClosingStream(System.out), StandardCharsets.UTF_8));
        }
        Path file = Path.of(out);
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new IOException("directory " + file.getParent() + " does not exist");
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private void write(SyntheticDemands generator, Writer writer, ProgressBar progress) throws IOException {
        Iterator<HotlineRecord> it = generator.stream(records).iterator();
        long written = 0;
        while (it.hasNext()) {
            writer.write(HotlineRecordJson.write(it.next()));
            writer.write('\n');
            written++;
            if (progress != null) {
                progress.update(written);
            }
        }
        if (progress != null) {
            progress.done();
        }
    }

    private static int userError(PrintWriter err, String message) {
        err.println("hotline generate: " + message);
        err.flush();
        return USER_ERROR;
    }

    /** Lets the writer flush into stdout on close without closing stdout. */
    private static final class NonClosingStream extends FilterOutputStream {
        NonClosingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
