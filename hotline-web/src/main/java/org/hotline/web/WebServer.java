package org.hotline.web;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.job.AlertJob;
import org.hotline.classify.ClassifyJob;
import org.hotline.models.classifier.HotlineClassifier;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.web.api.AccessControl;
import org.hotline.web.api.AlertsHandler;
import org.hotline.web.api.ApiException;
import org.hotline.web.api.JsonEndpoint;
import org.hotline.web.api.MeHandler;
import org.hotline.web.api.SimilarHandler;
import org.hotline.web.api.StaticPages;
import org.hotline.web.api.SuggestHandler;
import org.hotline.web.api.TrendsHandler;
import org.hotline.web.auth.Logins;
import org.hotline.web.auth.WebUsers;
import org.hotline.web.domain.AlertDesk;
import org.hotline.web.domain.ForecastingTrends;
import org.hotline.web.domain.SimilarCases;
import org.hotline.web.domain.Suggester;
import org.hotline.web.domain.TrendSource;
import org.hotline.web.elasticsearch.RecordQueries;

/**
 * The operator console ({@code /}), the analyst dashboard ({@code /dashboard}) and their JSON API
 * ({@code /api/…}, docs/web.md) on the JDK's HTTP server, behind sign-in when there is a users file. Closing it
 * stops the server and its Elasticsearch clients.
 */
public final class WebServer implements AutoCloseable {
    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<AutoCloseable> resources;
    private final URI url;

    private WebServer(HttpServer server, ExecutorService executor, List<AutoCloseable> resources, URI url) {
        this.server = server;
        this.executor = executor;
        this.resources = resources;
        this.url = url;
    }

    /** What the endpoints work with; tests pass fakes, {@link #start(HotlineConfig, HotlineClassifier)} the real. */
    public record Backends(Suggester suggester, int defaultTopK, Function<String, List<String>> segmenter,
                           SimilarCases similarCases, TrendSource trends, AlertDesk alerts) {}

    /**
     * Serves on {@code web.host}:{@code web.port} with the classifier (and {@code classify.reviewThreshold},
     * {@code classify.topK}, {@code taxonomy.file}), the record and alert indices of {@code config}, trend
     * forecasts with the {@code alerts.holidays} calendar, and sign-in for the users of {@code web.users} unless
     * it is blank.
     *
     * @throws IllegalArgumentException when the users file is missing, malformed or has no users
     */
    public static WebServer start(HotlineConfig config, HotlineClassifier classifier) throws IOException {
        WebUsers users = users(config.get("web.users"));
        HotlineClassifier tuned = classifier.withReviewThreshold(config.getDouble("classify.reviewThreshold"));
        String taxonomyFile = config.get("taxonomy.file");
        Taxonomy taxonomy = taxonomyFile.isEmpty() ? Taxonomy.loadDefault() : Taxonomy.load(Path.of(taxonomyFile));
        RecordQueries records = RecordQueries.connect(ClassifyJob.elasticsearch(config),
                ZoneId.of(config.get("alerts.zone")));
        AlertStore alerts = AlertStore.connect(AlertJob.elasticsearch(config));
        TrendSource trends = new ForecastingTrends(records, HolidayCalendar.named(config.get("alerts.holidays")));
        Backends backends = new Backends(new Suggester(tuned, taxonomy), config.getInt("classify.topK"),
                tuned.segmenter()::tokens, records, trends, AlertDesk.of(alerts));
        return start(config.get("web.host"), config.getInt("web.port"), backends, users, List.of(records, alerts));
    }

    /** The users of {@code web.users}; null when it is blank. */
    private static WebUsers users(String file) {
        if (file.isBlank()) {
            return null;
        }
        WebUsers users = WebUsers.load(Path.of(file));
        if (users.isEmpty()) {
            // An empty file would lock everybody out; more likely it is the wrong file.
            throw new IllegalArgumentException("users file " + file + " (web.users) has no users; add one with "
                    + "`hotline users add --file " + file + " NAME --role operator`");
        }
        return users;
    }

    /** As {@link #start(String, int, Backends, WebUsers, List)} without sign-in. */
    public static WebServer start(String host, int port, Backends backends, List<AutoCloseable> resources)
            throws IOException {
        return start(host, port, backends, null, resources);
    }

    /**
     * @param port      0 for any free port
     * @param users     who may sign in, with which roles; null: everybody, without signing in
     * @param resources closed with the server (and right away when it cannot start)
     */
    public static WebServer start(String host, int port, Backends backends, WebUsers users,
                                  List<AutoCloseable> resources) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            closeAll(resources);
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        Map<String, HttpHandler> routes = routes(backends);
        if (users == null) {
            routes.forEach(server::createContext);
        } else {
            AccessControl access = new AccessControl(new Logins(users));
            routes.forEach((path, handler) -> access.protect(server.createContext(path), handler));
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.start();
        URI url = URI.create("http://" + shownHost(host) + ":" + server.getAddress().getPort() + "/");
        return new WebServer(server, executor, List.copyOf(resources), url);
    }

    /** Context path → handler; the server picks the longest path that prefixes the request's. */
    private static Map<String, HttpHandler> routes(Backends backends) {
        return Map.of(
                "/api/suggest", new JsonEndpoint("/api/suggest", false,
                        new SuggestHandler(backends.suggester(), backends.defaultTopK())),
                "/api/similar", new JsonEndpoint("/api/similar", false,
                        new SimilarHandler(backends.similarCases(), backends.segmenter())),
                "/api/trends", new JsonEndpoint("/api/trends", false,
                        new TrendsHandler(backends.trends(), backends.alerts())),
                AlertsHandler.PATH, new JsonEndpoint(AlertsHandler.PATH, true, new AlertsHandler(backends.alerts())),
                MeHandler.PATH, new JsonEndpoint(MeHandler.PATH, false, new MeHandler()),
                // any other /api/… path: a JSON 404 rather than the pages' text one
                "/api/", new JsonEndpoint("/api", true, request -> {
                    throw ApiException.notFound("no such endpoint " + request.path());
                }),
                "/", new StaticPages());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "hotline-web-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A wildcard address is not something a browser can open: show loopback instead. */
    private static String shownHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "127.0.0.1" : host;
    }

    /** The operator console; {@code url().resolve("dashboard")} is the analyst view. */
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("closing the web server's clients failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
