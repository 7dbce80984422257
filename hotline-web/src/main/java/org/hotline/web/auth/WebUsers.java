package org.hotline.web.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users file ({@code web.users}): one {@link WebUser} a line; {@code #} comment lines and blank lines are kept
 * as they are when a user is added or removed.
 */
public final class WebUsers {
    private final List<String> lines;
    /** User name → its index in {@code lines}. */
    private final Map<String, Integer> lineOf;
    private final Map<String, WebUser> users;

    private WebUsers(List<String> lines, Map<String, Integer> lineOf, Map<String, WebUser> users) {
        this.lines = List.copyOf(lines);
        this.lineOf = Map.copyOf(lineOf);
        this.users = Collections.unmodifiableMap(users);
    }

    /** @throws IllegalArgumentException naming the file, and the line of every bad one */
    public static WebUsers load(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("users file " + file + " does not exist (`hotline users add --file "
                    + file + " NAME --role ROLE` creates it)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read users file " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #load(Path)}, and no users when the file does not exist yet. */
    public static WebUsers loadOrEmpty(Path file) {
        return Files.exists(file) ? load(file) : parse(List.of(), file.toString());
    }

    /** @param source the file name for error messages */
    public static WebUsers parse(List<String> lines, String source) {
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Map<String, WebUser> users = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            // Editors on Windows save UTF-8 with a byte-order mark.
            String line = (i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i)).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            WebUser user;
            try {
                user = WebUser.parse(line);
            } catch (IllegalArgumentException e) {
                errors.add("line " + (i + 1) + ": " + e.getMessage());
                continue;
            }
            Integer first = lineOf.putIfAbsent(user.name(), i);
            if (first != null) {
                errors.add("line " + (i + 1) + ": user " + user.name() + " repeats line " + (first + 1));
                continue;
            }
            users.put(user.name(), user);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("users file " + source + ": " + String.join("; ", errors));
        }
        return new WebUsers(lines, lineOf, users);
    }

    public Optional<WebUser> get(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** In the file's order. */
    public Collection<WebUser> all() {
        return users.values();
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    /** These users with {@code user} added at the end, or in place of the one of that name. */
    public WebUsers with(WebUser user) {
        List<String> changed = new ArrayList<>(lines);
        Integer at = lineOf.get(user.name());
        if (at == null) {
            changed.add(user.line());
        } else {
            changed.set(at, user.line());
        }
        return parse(changed, "(edited)");
    }

    /** @throws IllegalArgumentException when there is no user {@code name} */
    public WebUsers without(String name) {
        Integer at = lineOf.get(name);
        if (at == null) {
            throw new IllegalArgumentException("there is no user " + name);
        }
        List<String> changed = new ArrayList<>(lines);
        changed.remove((int) at);
        return parse(changed, "(edited)");
    }

    /** The file's text: comments and blank lines as read, one line per user. */
    public List<String> lines() {
        return lines;
    }

    /** Writes {@link #lines()} to {@code file}, creating it when missing. */
    public void write(Path file) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
