package nl.loket.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One knowledge-base article in one language: front matter plus a Markdown body of short paragraphs followed by a
 * numbered list of steps.
 */
public record Article(
        String id,
        String topic,
        String language,
        String title,
        String summary,
        String body,
        String source,
        LocalDate lastReviewed,
        List<String> related,
        List<String> examples,
        List<String> keywords,
        boolean sample) {

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s{0,3}(\\d{1,3})[.)]\\s+(.*)$");

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(language, "language");
        body = body == null ? "" : body;
        related = related == null ? List.of() : List.copyOf(related);
        examples = examples == null ? List.of() : List.copyOf(examples);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** The items of the body's numbered list, in order, without their numbers; continuation lines are joined. */
    public List<String> steps() {
        List<String> steps = new ArrayList<>();
        StringBuilder current = null;
        for (String line : body.split("\\R")) {
            Matcher m = LIST_ITEM.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    steps.add(current.toString().strip());
                }
                current = new StringBuilder(m.group(2).strip());
            } else if (current != null) {
                if (line.isBlank()) {
                    steps.add(current.toString().strip());
                    current = null;
                } else if (Character.isWhitespace(line.charAt(0))) {
                    current.append(' ').append(line.strip());
                } else {
                    steps.add(current.toString().strip());
                    current = null;
                }
            }
        }
        if (current != null) {
            steps.add(current.toString().strip());
        }
        return List.copyOf(steps);
    }

    /** The body text before the numbered list (the whole body when there is no list), trimmed. */
    public String intro() {
        StringBuilder intro = new StringBuilder();
        for (String line : body.split("\\R")) {
            if (LIST_ITEM.matcher(line).matches()) {
                break;
            }
            intro.append(line).append('\n');
        }
        return intro.toString().strip();
    }
}
