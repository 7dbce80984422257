package org.hotline.alerts.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.elasticsearch.AlertStatus;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.elasticsearch.StoredAlert;
import org.hotline.alerts.job.AlertJob;
import org.hotline.alerts.job.AlertJobCommand;
import org.hotline.models.config.ConfigOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hotline alerts}: the streaming alert job and the analyst's view of its alerts in Elasticsearch
 * ({@code es.alertIndex}): list them, acknowledge, resolve, reopen.
 */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        header = "Early-warning alerts: run the alert job; list, acknowledge, resolve and reopen alerts.",
        description = {"Alerts live in the es.alertIndex index with a status: open → acknowledged → resolved "
                + "(and reopen). Connection settings as every command: --config FILE, HOTLINE_* environment "
                + "variables, --set KEY=VALUE (es.urls, es.username/es.password or es.apiKey, es.caFile)."},
        subcommands = {
            AlertJobCommand.class,
            AlertsCommand.ListCommand.class,
            AlertsCommand.AckCommand.class,
            AlertsCommand.ResolveCommand.class,
            AlertsCommand.ReopenCommand.class
        })
public final class AlertsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static AlertStore connect(ConfigOptions options) {
        return AlertStore.connect(AlertJob.elasticsearch(options.load()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List alerts, newest day first.",
            footerHeading = "%nExamples:%n",
            footer = {"  hotline alerts list --status open", "  hotline alerts list --kind COMMON --since 2026-11-01"})
    public static final class ListCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Option(names = "--status", paramLabel = "STATUS", description = "open, acknowledged or resolved")
        String status;

        @Option(names = "--kind", paramLabel = "KIND", description = "SEASONAL, HIGH_FREQUENCY, COMMON, …")
        String kind;

        @Option(names = "--since", paramLabel = "DATE", description = "only alerts whose window ends on or after DATE")
        LocalDate since;

        @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "at most N alerts (default 100)")
        int limit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AlertStore.Filter filter = new AlertStore.Filter(status == null ? null : AlertStatus.parse(status),
                    kind == null ? null : parseKind(kind), since, limit);
            try (AlertStore store = connect(options)) {
                print(spec.commandLine().getOut(), store.list(filter));
            }
            return 0;
        }

        private static AlertKind parseKind(String name) {
            try {
                return AlertKind.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown alert kind '" + name + "' (" + List.of(AlertKind.values())
                        + ")");
            }
        }

        static void print(PrintWriter out, List<StoredAlert> alerts) {
            if (alerts.isEmpty()) {
                out.println("no alerts");
                return;
            }
            out.printf("%-12s %-14s %-10s %-12s %-24s %-20s %8s %8s %6s%n", "ID", "KIND", "WINDOW END", "STATUS",
                    "NODE", "DISTRICTS", "OBSERVED", "EXPECTED", "SCORE");
            for (StoredAlert a : alerts) {
                out.printf(Locale.ROOT, "%-12s %-14s %-10s %-12s %-24s %-20s %8s %8s %6s%n", a.id().substring(0, 12),
                        a.kind(), a.windowEnd(), a.status().wireName(), a.nodePath(), String.join(",", a.districts()),
                        number(a.observed()), number(a.expected()), number(a.score()));
            }
            out.println("(" + alerts.size() + " alerts; `hotline alerts ack ID` takes the full id or its first 12"
                    + " characters as printed)");
        }

        private static String number(Double value) {
            return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
        }
    }

    /** ack, resolve and reopen: one alert, who, why. */
    abstract static class TransitionCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Parameters(index = "0", paramLabel = "ID", description = "alert id (or the 12-character prefix `list` prints)")
        String id;

        @Option(names = "--by", paramLabel = "NAME", description = "who (default: the user name)")
        String by = System.getProperty("user.name", "");

        @Option(names = "--note", paramLabel = "TEXT", description = "why, for the next analyst")
        String note = "";

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract AlertStatus.Transition transition();

        @Override
        public Integer call() throws Exception {
            try (AlertStore store = connect(options)) {
                StoredAlert current = resolveId(store, id);
                StoredAlert changed = store.transition(current, transition(), by, note);
                spec.commandLine().getOut().println("alert " + changed.id() + " is " + changed.status().wireName()
                        + " (" + changed.kind() + " " + changed.nodePath() + " " + String.join(",", changed.districts())
                        + " " + changed.windowEnd() + ")");
            }
            return 0;
        }

        /** The full id, or a unique prefix of at least 8 characters as `list` prints it. */
        static StoredAlert resolveId(AlertStore store, String id) throws java.io.IOException {
            var exact = store.get(id);
            if (exact.isPresent()) {
                return exact.get();
            }
            if (id.length() >= 8 && id.length() < 64) {
                List<StoredAlert> matches = store.list(new AlertStore.Filter(null, null, null, 10_000)).stream()
                        .filter(a -> a.id().startsWith(id)).toList();
                if (matches.size() == 1) {
                    return store.get(matches.get(0).id()).orElseThrow();
                }
                if (matches.size() > 1) {
                    throw new IllegalArgumentException("alert id prefix " + id + " is ambiguous: " + matches.size()
                            + " alerts start with it");
                }
            }
            throw new IllegalArgumentException("no alert with id " + id + " in index " + store.index());
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, header = "Acknowledge an open alert.",
            footer = {"  hotline alerts ack 3f2a9c01d4e5 --by 王工 --note 已转住建委"})
    public static final class AckCommand extends TransitionCommand {
        @Override
        AlertStatus.Transition transition() {
            return AlertStatus.Transition.ACKNOWLEDGE;
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, header = "Resolve an open or acknowledged alert.")
    public static final class ResolveCommand extends TransitionCommand {
        @Override
        AlertStatus.Transition transition() {
            return AlertStatus.Transition.RESOLVE;
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true, header = "Reopen an acknowledged or resolved alert.")
    public static final class ReopenCommand extends TransitionCommand {
        @Override
        AlertStatus.Transition transition() {
            return AlertStatus.Transition.REOPEN;
        }
    }
}
