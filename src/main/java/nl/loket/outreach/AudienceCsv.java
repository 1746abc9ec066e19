package nl.loket.outreach;

import nl.loket.platform.InvalidRequestException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The audience file: a header line, then one resident per line. Columns {@code reference} (required),
 * {@code phone} and/or {@code email}, {@code language} (nl, en; empty means nl), and only the fields the
 * template uses. Commas or semicolons separate fields; double quotes may enclose a field. A broken file is
 * refused with the line that is wrong; a bad phone number or address is not an error but a skip.
 */
final class AudienceCsv {

    static final String FIELD = "audienceCsv";
    static final Set<String> ADDRESS_COLUMNS = Set.of("reference", "phone", "email", "language");

    /** One resident of the audience, with the line it came from. */
    record Row(int line, String reference, String phone, String email, String language, Map<String, String> fields) { }

    record Audience(List<String> columns, List<Row> rows) { }

    private AudienceCsv() { }

    static Audience parse(String csv, int maxRows) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidRequestException(FIELD, "The audience file is empty; give a header line and one line per resident.");
        }
        String[] lines = csv.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        char separator = lines[0].contains(";") && !lines[0].contains(",") ? ';' : ',';
        List<String> columns = new ArrayList<>();
        for (String column : split(lines[0], separator, 1)) {
            String name = column.strip().toLowerCase(Locale.ROOT);
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new InvalidRequestException(FIELD, "line 1: column '" + shorten(name) + "' is not a valid name (letters, digits, _).");
            }
            if (columns.contains(name)) {
                throw new InvalidRequestException(FIELD, "line 1: column '" + name + "' appears twice.");
            }
            columns.add(name);
        }
        if (!columns.contains("reference")) {
            throw new InvalidRequestException(FIELD, "line 1: the column 'reference' is required.");
        }
        if (!columns.contains("phone") && !columns.contains("email")) {
            throw new InvalidRequestException(FIELD, "line 1: give a column 'phone' or 'email' (or both).");
        }
        List<Row> rows = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> values = split(lines[i], separator, line);
            if (values.size() != columns.size()) {
                throw new InvalidRequestException(FIELD, "line " + line + ": " + values.size() + " fields, the header has "
                        + columns.size() + ".");
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                byColumn.put(columns.get(c), values.get(c).strip().replaceAll("\\p{Cntrl}", ""));
            }
            String reference = byColumn.get("reference");
            if (reference.isEmpty()) {
                throw new InvalidRequestException(FIELD, "line " + line + ": 'reference' is empty.");
            }
            if (!references.add(reference)) {
                throw new InvalidRequestException(FIELD, "line " + line + ": reference '" + shorten(reference) + "' appears twice.");
            }
            String language = byColumn.getOrDefault("language", "").toLowerCase(Locale.ROOT);
            if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
                throw new InvalidRequestException(FIELD, "line " + line + ": 'language' must be a two-letter code such as nl or en.");
            }
            Map<String, String> fields = new LinkedHashMap<>(byColumn);
            ADDRESS_COLUMNS.forEach(fields::remove);
            rows.add(new Row(line, reference, byColumn.getOrDefault("phone", ""), byColumn.getOrDefault("email", ""),
                    language.isEmpty() ? "nl" : language, fields));
            if (rows.size() > maxRows) {
                throw new InvalidRequestException(FIELD, "line " + line + ": more than " + maxRows + " residents in one file.");
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidRequestException(FIELD, "The audience file has a header but no residents.");
        }
        return new Audience(List.copyOf(columns), List.copyOf(rows));
    }

    /** Splits one line; a quoted field may hold the separator and doubled quotes. */
    private static List<String> split(String line, char separator, int lineNumber) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == separator) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidRequestException(FIELD, "line " + lineNumber + ": a quote is opened but not closed.");
        }
        out.add(field.toString());
        return out;
    }

    private static String shorten(String value) {
        return value.length() > 30 ? value.substring(0, 30) + "…" : value;
    }
}
