package org.hotline.alerts.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who reads alert e-mails: the mailboxes of departments (named as in the taxonomy's department column), of
 * districts (named as in the alerts) and the fallback duty mailbox that gets every alert nobody else is
 * responsible for. Read from a CSV of {@code kind,name,email} rows; a name may have several rows (several
 * mailboxes); {@code #} starts a comment line.
 */
public final class MailDirectory {

    // Deliberately stricter than RFC 5321 (a dot in the domain) so that typos like "duty@gov" are caught here.
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private final Map<String, List<String>> departments;
    private final Map<String, List<String>> districts;
    private final List<String> fallback;

    private MailDirectory(Map<String, List<String>> departments, Map<String, List<String>> districts,
                          List<String> fallback) {
        this.departments = departments;
        this.districts = districts;
        this.fallback = fallback;
    }

    /** @throws IllegalArgumentException naming the file, and the line of every bad row */
    public static MailDirectory load(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("mail directory " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read mail directory " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param source the file name for error messages */
    public static MailDirectory parse(List<String> lines, String source) {
        Map<String, List<String>> departments = new LinkedHashMap<>();
        Map<String, List<String>> districts = new LinkedHashMap<>();
        List<String> fallback = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            // Spreadsheet programs save UTF-8 CSV with a byte-order mark.
            String line = (i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i)).trim();
            if (line.isEmpty() || line.startsWith("#") || line.equalsIgnoreCase("kind,name,email")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                errors.add("line " + lineNo + ": expected kind,name,email (3 fields), got " + cells.length);
                continue;
            }
            String kind = cells[0].trim().toLowerCase(Locale.ROOT);
            String name = cells[1].trim();
            String address = cells[2].trim();
            if (!kind.equals("department") && !kind.equals("district") && !kind.equals("fallback")) {
                errors.add("line " + lineNo + ": kind '" + cells[0].trim() + "' is not department, district or fallback");
                continue;
            }
            if (name.isEmpty() && !kind.equals("fallback")) {
                errors.add("line " + lineNo + ": a " + kind + " row needs a name");
                continue;
            }
            if (!isAddress(address)) {
                errors.add("line " + lineNo + ": '" + address + "' is not an e-mail address");
                continue;
            }
            String key = kind + '\u001f' + (kind.equals("fallback") ? "" : name) + '\u001f'
                    + address.toLowerCase(Locale.ROOT);
            Integer first = seen.putIfAbsent(key, lineNo);
            if (first != null) {
                errors.add("line " + lineNo + ": repeats line " + first);
                continue;
            }
            switch (kind) {
                case "department" -> departments.computeIfAbsent(name, k -> new ArrayList<>()).add(address);
                case "district" -> districts.computeIfAbsent(name, k -> new ArrayList<>()).add(address);
                default -> fallback.add(address);
            }
        }
        if (errors.isEmpty() && fallback.isEmpty()) {
            errors.add("no fallback row: add one like 'fallback,值班室,duty@example.gov.cn' so alerts without a "
                    + "route still reach someone");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("mail directory " + source + ": " + String.join("; ", errors));
        }
        departments.replaceAll((k, v) -> List.copyOf(v));
        districts.replaceAll((k, v) -> List.copyOf(v));
        return new MailDirectory(Map.copyOf(departments), Map.copyOf(districts), List.copyOf(fallback));
    }

    public static boolean isAddress(String address) {
        return address != null && ADDRESS.matcher(address).matches();
    }

    /** The department's mailboxes; empty when it has none. */
    public List<String> department(String name) {
        return departments.getOrDefault(name, List.of());
    }

    /** The district office's mailboxes; empty when it has none. */
    public List<String> district(String name) {
        return districts.getOrDefault(name, List.of());
    }

    /** The duty mailboxes; never empty. */
    public List<String> fallback() {
        return fallback;
    }

    /** "3 departments, 10 districts, fallback duty@…" for an operator checking the file. */
    public String summary() {
        return departments.size() + " departments, " + districts.size() + " districts, fallback "
                + String.join(", ", fallback);
    }
}
