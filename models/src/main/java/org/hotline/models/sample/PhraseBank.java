package org.hotline.models.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Sentence templates by section, read from {@code sample/phrases.txt} ({@code [section]} then one per line). */
final class PhraseBank {
    private static final String RESOURCE = "/sample/phrases.txt";

    private final Map<String, List<String>> sections;

    private PhraseBank(Map<String, List<String>> sections) {
        this.sections = sections;
    }

    static PhraseBank loadDefault() {
        try (InputStream in = PhraseBank.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("phrase resource " + RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static PhraseBank parse(BufferedReader reader) throws IOException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                current = sections.computeIfAbsent(text.substring(1, text.length() - 1), k -> new ArrayList<>());
            } else if (current == null) {
                throw new IllegalArgumentException("phrase line before any [section]: " + text);
            } else {
                current.add(text);
            }
        }
        sections.replaceAll((name, lines) -> List.copyOf(lines));
        return new PhraseBank(Map.copyOf(sections));
    }

    List<String> section(String name) {
        List<String> lines = sections.get(name);
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("phrase section [" + name + "] is missing or empty");
        }
        return lines;
    }

    String pick(String section, RandomGenerator rng) {
        List<String> lines = section(section);
        return lines.get(rng.nextInt(lines.size()));
    }
}
