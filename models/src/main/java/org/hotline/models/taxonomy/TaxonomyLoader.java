package org.hotline.models.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Reads taxonomy files (CSV or JSON, see docs/taxonomy.md) and the shipped default. */
final class TaxonomyLoader {
    static final String DEFAULT_RESOURCE = "/taxonomy/default-taxonomy.csv";

    private TaxonomyLoader() {}

    /** Parsed once: the default is immutable and read by every classifier and test. */
    private static final class DefaultHolder {
        static final Taxonomy DEFAULT = readDefault();
    }

    static Taxonomy loadDefault() {
        return DefaultHolder.DEFAULT;
    }

    private static Taxonomy readDefault() {
        try (InputStream in = TaxonomyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TaxonomyException("default taxonomy resource " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return parse(in.readAllBytes(), "default-taxonomy.csv", Format.CSV);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read the default taxonomy " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static Taxonomy load(Path file) {
        Format format = Format.of(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TaxonomyException("taxonomy file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read taxonomy file " + file + ": " + e, e);
        }
        return parse(bytes, file.toString(), format);
    }

    private static Taxonomy parse(byte[] bytes, String source, Format format) {
        String text = utf8(bytes, source);
        ParsedTaxonomy parsed;
        try {
            parsed = format == Format.CSV
                    ? CsvTaxonomyReader.read(text, source)
                    : JsonTaxonomyReader.read(new StringReader(text), source);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read taxonomy file " + source + ": " + e.getMessage(), e);
        }
        String version = parsed.version() != null ? parsed.version() : fallbackVersion(source, bytes);
        return TaxonomyAssembler.assemble(version, parsed.nodes(), source);
    }

    /** Strict decoding: a GBK export read as UTF-8 would silently give garbage labels. */
    private static String utf8(byte[] bytes, String source) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new TaxonomyException(source + " is not UTF-8 text (a GBK export? save it as UTF-8)", e);
        }
    }

    /** A file that names no version gets one that changes whenever its content does. */
    static String fallbackVersion(String source, byte[] bytes) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return stem + "@" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private enum Format {
        CSV, JSON;

        static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            throw new TaxonomyException("unknown taxonomy format for " + file
                    + ": expected a .csv or .json file (see docs/taxonomy.md)");
        }
    }
}
