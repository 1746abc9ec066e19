package nl.loket.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editors' form for a draft, every field as typed, so a refused form comes back exactly as it was sent. Lists are
 * one entry per line; the steps are the body's numbered list, edited apart from the paragraphs before it.
 *
 * @param article  the article changed (empty for a new one; topic and language then come from the form)
 * @param question the test box's question; never stored
 */
record DraftForm(String article, String topic, String language, String title, String summary, String body,
                 String steps, String examples, String keywords, String related, String source, String lastReviewed,
                 String note, String question) {

    DraftForm {
        article = orEmpty(article);
        topic = orEmpty(topic);
        language = orEmpty(language);
        title = orEmpty(title);
        summary = orEmpty(summary);
        body = orEmpty(body);
        steps = orEmpty(steps);
        examples = orEmpty(examples);
        keywords = orEmpty(keywords);
        related = orEmpty(related);
        source = orEmpty(source);
        lastReviewed = orEmpty(lastReviewed);
        note = orEmpty(note);
        question = orEmpty(question);
    }

    static DraftForm empty() {
        return new DraftForm("", "", "nl", "", "", "", "", "", "", "", "https://", "", "", "");
    }

    /** The form filled with a version's content, to change it. */
    static DraftForm of(Article a) {
        return new DraftForm(a.id(), a.topic(), a.language(), a.title(), a.summary(), a.intro(), String.join("\n", a.steps()),
                String.join("\n", a.examples()), String.join("\n", a.keywords()), String.join("\n", a.related()),
                a.source(), a.lastReviewed() == null ? "" : a.lastReviewed().toString(), "", "");
    }

    /** The same form with these questions added under the examples (those already there once). */
    DraftForm withExamples(List<String> questions) {
        java.util.LinkedHashSet<String> lines = new java.util.LinkedHashSet<>(examples.lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList());
        questions.stream().map(q -> String.join(" ", q.strip().split("\\s+"))).filter(q -> !q.isEmpty()).forEach(lines::add);
        return new DraftForm(article, topic, language, title, summary, body, steps, String.join("\n", lines), keywords,
                related, source, lastReviewed, note, question);
    }

    boolean isNew() {
        return article.isBlank();
    }

    /** The fields as {@link KnowledgeEditing#saveDraft} takes them; an empty review date becomes today there. */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("topic", topic.strip());
        fields.put("language", language.strip());
        fields.put("title", title.strip());
        fields.put("summary", summary.strip());
        fields.put("body", fullBody());
        fields.put("source", source.strip());
        if (!lastReviewed.isBlank()) {
            fields.put("lastReviewed", lastReviewed.strip());
        }
        fields.put("examples", lines(examples));
        fields.put("keywords", lines(keywords));
        List<String> relatedTopics = lines(related);
        if (!relatedTopics.isEmpty()) {
            fields.put("related", relatedTopics);
        }
        fields.put("note", note.strip());
        return fields;
    }

    /** The paragraphs, then the steps as the numbered list the assistant and the chat read them from. */
    String fullBody() {
        StringBuilder out = new StringBuilder(body.strip());
        List<String> stepLines = lines(steps);
        for (int i = 0; i < stepLines.size(); i++) {
            out.append(i == 0 ? (out.isEmpty() ? "" : "\n\n") : "\n").append(i + 1).append(". ")
                    .append(stepLines.get(i).replaceFirst("^\\d{1,3}[.)]\\s+", ""));
        }
        return out.toString();
    }

    /**
     * The article as far as it can be read, for the readability and SMS preview while it is still incomplete or
     * invalid (those need no valid article; the test box does).
     */
    Article sketch() {
        String t = topic.isBlank() ? "nieuw" : topic.strip();
        String l = language.isBlank() ? "nl" : language.strip();
        return new Article(l + "-" + t, t, l, title.strip(), summary.strip(), fullBody(), source.strip(), null,
                lines(related), lines(examples), lines(keywords), false);
    }

    /** Non-blank lines, trimmed (an example question may hold a comma, so only a line break separates). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
