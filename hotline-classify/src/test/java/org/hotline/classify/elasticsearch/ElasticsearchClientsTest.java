package org.hotline.classify.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.transport.TransportException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials and the CA certificate of an external cluster, against a loopback stand-in that challenges like one. */
class ElasticsearchClientsTest {
    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Like Elasticsearch with security on: 401 with a Basic challenge unless the request is authorised. */
    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "none" : authorization);
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        if (authorization == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
            exchange.sendResponseHeaders(401, -1);
        } else {
            exchange.sendResponseHeaders(200, -1);
        }
        exchange.close();
    }

    private ElasticsearchConfig config() {
        return ElasticsearchConfig.forUrl("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void answersBasicAuthChallenges() throws Exception {
        try (RecordSearch search = RecordSearch.connect(config().withBasicAuth("hotline", "s3cret"))) {
            assertThat(search.indexExists()).isTrue();
        }
        // base64("hotline:s3cret")
        assertThat(authorizations).contains("Basic aG90bGluZTpzM2NyZXQ=");
    }

    @Test
    void sendsTheApiKeyWithEveryRequest() throws Exception {
        try (RecordSearch search = RecordSearch.connect(config().withApiKey("a2V5OnNlY3JldA=="))) {
            assertThat(search.indexExists()).isTrue();
        }
        assertThat(authorizations).containsExactly("ApiKey a2V5OnNlY3JldA==");
    }

    @Test
    void withoutCredentialsASecuredClusterIsALoudFailure() throws Exception {
        try (RecordSearch search = RecordSearch.connect(config())) {
            assertThatThrownBy(search::indexExists)
                    .isInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((TransportException) e).statusCode()).isEqualTo(401));
        }
        assertThat(authorizations).containsExactly("none");
    }

    @Test
    void trustsAnHttpsClusterThroughItsCaCertificate(@TempDir Path dir) throws Exception {
        char[] password = "changeit".toCharArray();
        Path keyStore = dir.resolve("node.p12");
        Path caCertificate = dir.resolve("http_ca.crt");
        keytool("-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "node", "-keystore", keyStore.toString(), "-storepass", "changeit",
                "-file", caCertificate.toString());
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore, password)));
        https.createContext("/", this::answer);
        https.start();
        try (RecordSearch search = RecordSearch.connect(
                ElasticsearchConfig.forUrl("https://127.0.0.1:" + https.getAddress().getPort())
                        .withApiKey("a2V5OnNlY3JldA==").withCaCertificate(caCertificate.toString()))) {
            assertThat(search.indexExists()).isTrue();
        } finally {
            https.stop(0);
        }
        assertThat(authorizations).containsExactly("ApiKey a2V5OnNlY3JldA==");
    }

    private static SSLContext serverContext(Path keyStore, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
