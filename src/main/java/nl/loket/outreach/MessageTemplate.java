package nl.loket.outreach;

import nl.loket.platform.InvalidRequestException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A campaign text with placeholders such as {@code {name}}, each of which must be a column of the audience file. */
final class MessageTemplate {

    static final int MAX_LENGTH = 1000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private MessageTemplate() { }

    static Set<String> placeholders(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Checks both texts against the audience's columns; every column beyond the addresses must be used. */
    static void validate(Map<String, String> template, List<String> columns) {
        Set<String> used = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : template.entrySet()) {
            String field = "template." + e.getKey();
            String text = e.getValue();
            if (text.length() > MAX_LENGTH) {
                throw new InvalidRequestException(field, field + " is longer than " + MAX_LENGTH + " characters.");
            }
            for (String name : placeholders(text)) {
                if (!columns.contains(name)) {
                    throw new InvalidRequestException(field, field + " uses {" + name
                            + "}, which is not a column of the audience file (columns: " + String.join(", ", columns) + ").");
                }
                used.add(name);
            }
        }
        for (String column : columns) {
            if (!AudienceCsv.ADDRESS_COLUMNS.contains(column) && !used.contains(column)) {
                throw new InvalidRequestException(AudienceCsv.FIELD, "line 1: column '" + column
                        + "' is not used by the template; leave it out, send only what the message needs.");
            }
        }
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
