package org.hotline.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.app.engines.EngineException;
import org.hotline.models.config.HotlineConfig;

/** A job module's shaded jar, as the build leaves it, for submission to a Flink session cluster. */
final class JobJar {
    private JobJar() {}

    /** The settings that differ from the defaults, as {@code --set KEY=VALUE} arguments of a job jar's main. */
    static List<String> setArguments(HotlineConfig config) {
        List<String> args = new ArrayList<>();
        config.nonDefaults().forEach((key, value) -> {
            args.add("--set");
            args.add(key + "=" + value);
        });
        return args;
    }

    /** @param module {@code hotline-classify} or {@code hotline-alerts} */
    static Path locate(String module) throws IOException {
        Path target = HotlineHome.path().resolve(module + "/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(f -> f.getFileName().toString().matches(module + "-.*-job\\.jar"))
                        .findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw EngineException.userError("no job jar in " + target + ": build it with "
                + "`mvn -pl " + module + " -am package -DskipTests`");
    }
}
