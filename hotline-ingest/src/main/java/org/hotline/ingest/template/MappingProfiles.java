package org.hotline.ingest.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The mapping profiles shipped as resources, and loading of custom ones from JSON files. */
public final class MappingProfiles {
    /** Names of the profiles under {@code org/hotline/ingest/profiles/}. */
    public static final List<String> BUILT_IN = List.of("template", "teddy-cn", "csv-en");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MappingProfiles() {}

    /** @throws IllegalArgumentException for a name that is not built in */
    public static MappingProfile builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("unknown profile '" + name + "' (built-in: "
                    + String.join(", ", BUILT_IN) + "; use --profile-file for your own)");
        }
        String resource = "/org/hotline/ingest/profiles/" + name + ".json";
        try (InputStream in = MappingProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("profile resource missing from the jar: " + resource);
            }
            return MAPPER.readValue(in, MappingProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in profile " + name, e);
        }
    }

    /**
     * A profile from a JSON file of the same shape as the built-in ones.
     *
     * @throws IllegalArgumentException when the file is not a valid profile
     * @throws IOException              when it cannot be read
     */
    public static MappingProfile fromFile(Path file) throws IOException {
        try {
            return MAPPER.readValue(Files.readAllBytes(file), MappingProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("profile file " + file + " is not a valid profile: "
                    + e.getOriginalMessage(), e);
        }
    }
}
