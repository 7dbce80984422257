package org.hotline.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hotline.app.engines.EngineException;

/** The classify job's shaded jar, as the build leaves it, for submission to a Flink session cluster. */
final class JobJar {
    private JobJar() {}

    static Path locate() throws IOException {
        Path target = HotlineHome.path().resolve("hotline-classify/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(f -> f.getFileName().toString().matches("hotline-classify-.*-job\\.jar"))
                        .findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw EngineException.userError("no job jar in " + target + ": build it with "
                + "`mvn -pl hotline-classify -am package -DskipTests`");
    }
}
