package org.hotline.app.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits, watches and cancels jobs on any Flink session cluster through its REST API (the embedded one or an
 * external one): what {@code flink run -d}, {@code flink list} and {@code flink cancel} do.
 */
public final class FlinkRestClient {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkRestClient.class);
    private static final Set<String> TERMINAL_STATES = Set.of("CANCELED", "FAILED", "FINISHED");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String restUrl;
    private final Supplier<String> diagnostics;

    /** @param diagnostics what to add to an error message, e.g. the end of the JobManager's log */
    public FlinkRestClient(String restUrl, Supplier<String> diagnostics) {
        this.restUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
        this.diagnostics = diagnostics;
    }

    public FlinkRestClient(String restUrl) {
        this(restUrl, () -> "");
    }

    /**
     * Uploads {@code jar} and runs {@code mainClass} with {@code args} on the JobManager, as {@code flink run -d}
     * does; returns the id of the job the program submitted.
     *
     * @throws EngineException when Flink refuses the jar or the program fails (the message carries Flink's answer
     *                         and the end of the JobManager's log)
     */
    public String submitJar(Path jar, String mainClass, List<String> args) {
        if (!Files.isRegularFile(jar)) {
            throw EngineException.userError("no job jar at " + jar);
        }
        JsonNode uploaded = send(uploadRequest(jar), "upload " + jar.getFileName(), Duration.ofMinutes(2));
        // The upload answers with the stored path; its file name is the jar id.
        String jarId = Path.of(uploaded.path("filename").asText()).getFileName().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entryClass", mainClass);
        body.put("programArgsList", args);
        JsonNode run = send(HttpRequest.newBuilder(rest("/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))), "run " + mainClass, Duration.ofMinutes(3));
        String jobId = run.path("jobid").asText();
        if (jobId.isEmpty()) {
            throw EngineException.failure(mainClass + " ran but submitted no job; Flink answered " + run, null);
        }
        LOG.info("{} submitted job {} to the Flink cluster at {}", jar.getFileName(), jobId, restUrl);
        return jobId;
    }

    /** The job's state as Flink names it: {@code CREATED}, {@code RUNNING}, {@code FAILED}, {@code CANCELED}, … */
    public String jobState(String jobId) {
        return send(HttpRequest.newBuilder(rest("/jobs/" + jobId)).GET(), "read job " + jobId, Duration.ofSeconds(30))
                .path("state").asText();
    }

    /** Cancels the job and waits (up to 30 s) until it has ended. */
    public void cancel(String jobId) {
        send(HttpRequest.newBuilder(rest("/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()), "cancel job " + jobId, Duration.ofSeconds(30));
        awaitEnd(jobId, Duration.ofSeconds(30), "of its cancellation");
    }

    /**
     * Waits until the job has ended and returns how: {@code FINISHED}, {@code FAILED} or {@code CANCELED}.
     *
     * @throws EngineException when it is still running after {@code timeout}
     */
    public String awaitEnd(String jobId, Duration timeout) {
        return awaitEnd(jobId, timeout, "");
    }

    private String awaitEnd(String jobId, Duration timeout, String since) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String state = jobState(jobId);
            if (TERMINAL_STATES.contains(state)) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw EngineException.failure("job " + jobId + " did not end within " + timeout.toSeconds() + " s"
                        + (since.isEmpty() ? "" : " " + since) + "; it is " + state, null);
            }
            Dirs.sleep(200);
        }
    }

    private URI rest(String path) {
        return URI.create(restUrl + path);
    }

    private HttpRequest.Builder uploadRequest(Path jar) {
        String boundary = "hotline-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        try {
            return HttpRequest.newBuilder(rest("/jars/upload"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                            HttpRequest.BodyPublishers.ofFile(jar),
                            HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** Sends a REST call and returns its JSON answer; a refusal becomes an EngineException. */
    private JsonNode send(HttpRequest.Builder request, String what, Duration timeout) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw EngineException.failure("cannot " + what + " at " + restUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EngineException.failure("interrupted while trying to " + what, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 300) {
            throw EngineException.failure("Flink refused to " + what + " (HTTP " + response.statusCode() + "): "
                    + errors(answer, response.body()) + "\n" + diagnostics.get(), null);
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("errors", body);
        }
    }

    /**
     * Flink answers errors as {@code {"errors": ["<stack trace>", …]}}: keep the first line of each and its root
     * cause (the last "Caused by:" line), which says what the program itself failed with.
     */
    static String errors(JsonNode answer, String body) {
        JsonNode errors = answer.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return body;
        }
        List<String> messages = new ArrayList<>();
        errors.forEach(error -> {
            List<String> lines = error.asText().lines().toList();
            String message = lines.isEmpty() ? "" : lines.get(0);
            String rootCause = lines.stream().filter(line -> line.startsWith("Caused by: ")).reduce((a, b) -> b)
                    .orElse(null);
            messages.add(rootCause == null ? message : message + " (" + rootCause + ")");
        });
        return String.join(" | ", messages);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
