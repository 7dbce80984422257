package org.hotline.models.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} and {@code --set KEY=VALUE} options every command that reads the configuration takes,
 * as a picocli mixin ({@code @Mixin ConfigOptions config;}).
 */
public final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (properties)")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one configuration key")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** Defaults, then the file, then {@code HOTLINE_*} variables of {@code env}, then {@code --set}. */
    public HotlineConfig load(Map<String, String> env) {
        return load(env, Map.of());
    }

    /** As {@link #load(Map)}, with a command's own flags applied last (they win over {@code --set}). */
    public HotlineConfig load(Map<String, String> env, Map<String, String> flags) {
        Map<String, String> settings = new LinkedHashMap<>(overrides);
        settings.putAll(flags);
        return HotlineConfig.load(configFile, env, settings);
    }

    public HotlineConfig load() {
        return load(System.getenv());
    }

    /** Keys given with {@code --set}. */
    public Map<String, String> overrides() {
        return Map.copyOf(overrides);
    }

    public Path configFile() {
        return configFile;
    }
}
