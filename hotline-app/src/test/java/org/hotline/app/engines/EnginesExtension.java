package org.hotline.app.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real {@link EmbeddedKafka} and {@link EmbeddedElasticsearch}, started on free ports the first
 * time a test asks for one and shared by every test of the run; stopped (and their files deleted) when the run
 * ends. Use {@code @ExtendWith(EnginesExtension.class)} and declare the engine as a parameter of a test,
 * {@code @BeforeAll}/{@code @BeforeEach} method or constructor.
 */
public final class EnginesExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EnginesExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedKafka.class || type == EmbeddedElasticsearch.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store lives for the whole run and closes its AutoCloseable values at the end.
        SharedEngines engines = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedEngines.class, key -> new SharedEngines(), SharedEngines.class);
        return parameter.getParameter().getType() == EmbeddedKafka.class ? engines.kafka() : engines.elasticsearch();
    }

    /** The engines of one test run, in one temporary directory that other users can reach (see below). */
    static final class SharedEngines implements AutoCloseable {
        private final Path workDir;
        private EmbeddedKafka kafka;
        private EmbeddedElasticsearch elasticsearch;

        SharedEngines() {
            try {
                // Under /tmp rather than target/: started by root, Elasticsearch runs as another user, who
                // must be able to reach its directory (hence rwxr-xr-x too) whatever folder the project was cloned into.
                workDir = Files.createTempDirectory(Path.of("/tmp"), "hotline-engines-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized EmbeddedKafka kafka() {
            if (kafka == null) {
                kafka = EmbeddedKafka.builder().workDir(workDir).port(Ports.findFree()).start();
            }
            return kafka;
        }

        synchronized EmbeddedElasticsearch elasticsearch() {
            if (elasticsearch == null) {
                elasticsearch = EmbeddedElasticsearch.builder().workDir(workDir).port(Ports.findFree()).start();
            }
            return elasticsearch;
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                if (elasticsearch != null) {
                    elasticsearch.close();
                }
            } finally {
                if (kafka != null) {
                    kafka.close();
                }
                Dirs.deleteTree(workDir);
            }
        }
    }
}
