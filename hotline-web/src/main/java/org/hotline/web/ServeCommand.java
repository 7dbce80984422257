package org.hotline.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hotline.models.classifier.ClassifierModels;
import org.hotline.models.config.ConfigOptions;
import org.hotline.models.config.HotlineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hotline serve}: the operator console and analyst dashboard until the process is stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Serve the operator console (/), the analyst dashboard (/dashboard) and their JSON API (/api).",
        description = {"Suggestions come from the trained model; similar cases, trends and alerts from the "
                + "Elasticsearch indices the classify and alert jobs write (es.urls, es.index, es.alertIndex). "
                + "Every setting is a configuration key (docs/configuration.md): --config FILE, HOTLINE_* "
                + "environment variables, --set KEY=VALUE. See docs/web.md.",
            "Sign-in: with web.users naming a users file (`hotline users`), every page and call needs HTTP Basic "
                + "credentials of a user with the page's role. Without it anyone who can reach web.host may use "
                + "everything: keep web.host on loopback then, or put a proxy with sign-in in front."},
        footerHeading = "%nExamples:%n",
        footer = {"  hotline serve --model work/model",
            "  hotline serve --model work/model --port 0 --set web.host=0.0.0.0 --set web.users=/etc/hotline/users"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", description = "trained model directory (same as --set model.dir=DIR)")
    Path model;

    @Option(names = "--port", paramLabel = "N", description = "port, 0 for any free one (same as --set web.port=N)")
    Integer port;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        HotlineConfig config = config();
        if (config.get("model.dir").isEmpty()) {
            throw new IllegalArgumentException("no model: pass --model DIR (a directory `hotline train` wrote) "
                    + "or set model.dir");
        }
        WebServer server = WebServer.start(config, ClassifierModels.load(Path.of(config.get("model.dir"))));
        openNetworkWarning(config).ifPresent(System.err::println);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "hotline-web-stop"));
        System.out.println("operator console " + server.url() + " · dashboard " + server.url().resolve("dashboard")
                + " · Ctrl-C stops");
        stopped.await();
        return 0;
    }

    /** One line when the pages are open to the network without sign-in (web.host not loopback, web.users blank). */
    static Optional<String> openNetworkWarning(HotlineConfig config) throws UnknownHostException {
        String host = config.get("web.host");
        if (!config.get("web.users").isBlank() || InetAddress.getByName(host).isLoopbackAddress()) {
            return Optional.empty();
        }
        return Optional.of("hotline serve: warning: the console is open to the network on " + host + " without "
                + "web.users; anyone who can reach it may use it (docs/web.md#access-control)");
    }

    HotlineConfig config() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (model != null) {
            flags.put("model.dir", model.toString());
        }
        if (port != null) {
            flags.put("web.port", port.toString());
        }
        return configOptions.load(System.getenv(), flags);
    }
}
