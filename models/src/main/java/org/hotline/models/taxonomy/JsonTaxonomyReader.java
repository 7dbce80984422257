package org.hotline.models.taxonomy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the nested JSON form of docs/taxonomy.md:
 * {@code {"version": "...", "nodes": [{"name": ..., "department": ..., "keywords": [...], "description": ...,
 * "slaDays": 5, "children": [...]}]}}. Streams the file so every error can name its line.
 */
final class JsonTaxonomyReader {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTaxonomyReader() {}

    static ParsedTaxonomy read(Reader reader, String source) throws IOException {
        try (JsonParser parser = FACTORY.createParser(reader)) {
            return new Walk(parser, source).document();
        } catch (JsonProcessingException e) {
            throw new TaxonomyException(source + ":" + e.getLocation().getLineNr() + ": malformed JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** One pass over one file. */
    private static final class Walk {
        private final JsonParser parser;
        private final String source;
        private final List<NodeSpec> nodes = new ArrayList<>();

        Walk(JsonParser parser, String source) {
            this.parser = parser;
            this.source = source;
        }

        ParsedTaxonomy document() throws IOException {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "the document");
            String version = null;
            boolean sawNodes = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "version" -> version = text(value, "version");
                    case "nodes" -> {
                        sawNodes = true;
                        children(value, List.of());
                    }
                    default -> throw error("unknown field '" + field + "' in the document; expected version, nodes");
                }
            }
            if (!sawNodes) {
                throw error("missing field 'nodes' (the level-1 nodes)");
            }
            return new ParsedTaxonomy(version, nodes);
        }

        private void children(JsonToken token, List<String> parentPath) throws IOException {
            expect(token, JsonToken.START_ARRAY, parentPath.isEmpty() ? "'nodes'" : "'children'");
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                node(parentPath);
            }
        }

        private void node(List<String> parentPath) throws IOException {
            expect(parser.currentToken(), JsonToken.START_OBJECT, "a node");
            long line = parser.currentTokenLocation().getLineNr();
            String where = source + ":" + line;
            String name = null;
            String department = "";
            List<String> keywords = List.of();
            String description = "";
            Integer slaDays = null;
            int index = nodes.size();
            List<String> path = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "name" -> name = text(value, "name");
                    case "department" -> department = text(value, "department");
                    case "keywords" -> keywords = keywords(value);
                    case "description" -> description = text(value, "description");
                    case "slaDays" -> slaDays = slaDays(value);
                    case "children" -> {
                        path = pathOf(parentPath, name, where);
                        children(value, path);
                    }
                    default -> throw error("unknown field '" + field + "' in a node; expected name, department, "
                            + "keywords, description, slaDays, children");
                }
            }
            if (path == null) {
                path = pathOf(parentPath, name, where);
            }
            // A parent is listed before its children even when "children" comes before the other fields.
            nodes.add(index, new NodeSpec(path, department, keywords, description, slaDays, source, line));
        }

        /** "name" must come before "children" so that children know their path. */
        private List<String> pathOf(List<String> parentPath, String name, String where) {
            if (name == null || name.isBlank()) {
                throw new TaxonomyException(where + ": node without a \"name\" (give \"name\" before \"children\")"
                        + (parentPath.isEmpty() ? "" : " under " + TaxonomyAssembler.display(parentPath)));
            }
            List<String> path = new ArrayList<>(parentPath);
            path.add(name.trim());
            if (path.size() > TaxonomyAssembler.MAX_LEVELS) {
                throw new TaxonomyException(where + ": " + TaxonomyAssembler.display(path) + " is level "
                        + path.size() + "; taxonomies have at most " + TaxonomyAssembler.MAX_LEVELS + " levels");
            }
            return path;
        }

        private String text(JsonToken token, String field) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return "";
            }
            expect(token, JsonToken.VALUE_STRING, "'" + field + "'");
            return parser.getText().trim();
        }

        private List<String> keywords(JsonToken token) throws IOException {
            expect(token, JsonToken.START_ARRAY, "'keywords'");
            List<String> words = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String word = text(parser.currentToken(), "keywords");
                if (!word.isEmpty() && !words.contains(word)) {
                    words.add(word);
                }
            }
            return words;
        }

        private Integer slaDays(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                throw error("'slaDays' must be a number, found " + describe(token));
            }
            return CsvTaxonomyReader.slaDays(parser.getText().trim(), here());
        }

        private void expect(JsonToken actual, JsonToken expected, String what) {
            if (actual != expected) {
                throw error(what + " must be " + describe(expected) + ", found " + describe(actual));
            }
        }

        private static String describe(JsonToken token) {
            if (token == null) {
                return "the end of the file";
            }
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> token.name();
            };
        }

        private String here() {
            return source + ":" + parser.currentTokenLocation().getLineNr();
        }

        private TaxonomyException error(String message) {
            return new TaxonomyException(here() + ": " + message);
        }
    }
}
