package nl.loket.assistant;

import nl.loket.contact.Channel;
import nl.loket.contact.Outcome;
import nl.loket.contact.Reply;
import nl.loket.knowledge.Article;
import nl.loket.platform.Prompts;
import nl.loket.platform.text.SmsSegments;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One canonical answer (the article), rendered per channel so every channel states the same facts:
 * SMS gets the summary and the source link within two segments; the phone gets short spoken
 * sentences without links; the web gets summary, steps, source and related topics.
 */
@Component
class AnswerRenderer {

    static final int SMS_SEGMENTS = 2;

    private final Prompts prompts;

    AnswerRenderer(Prompts prompts) {
        this.prompts = prompts;
    }

    /** @param text the answer text when a language model rephrased the article; null for the article itself */
    Reply render(Article article, Channel channel, String text, List<Article> related) {
        String language = article.language();
        List<Reply.Source> sources = List.of(new Reply.Source(article.title(), article.source()));
        String rendered = switch (channel) {
            case SMS -> sms(article);
            case PHONE -> spoken(text != null ? text : article.summary(), language);
            case CHAT, WEBFORM -> text != null ? text : web(article);
        };
        List<Reply.Related> relatedTopics = channel == Channel.CHAT || channel == Channel.WEBFORM
                ? related.stream().map(a -> new Reply.Related(a.topic(), a.title())).toList()
                : List.of();
        return new Reply(rendered, Outcome.ANSWERED, language, article.topic(), article.id(), sources, null, relatedTopics);
    }

    /** The summary and, always, the source link; the summary is shortened at a word when both do not fit. */
    static String sms(Article article) {
        return SmsSegments.withSuffix(withoutUrls(article.summary()), SMS_SEGMENTS, "\n" + article.source());
    }

    private static String web(Article article) {
        StringBuilder out = new StringBuilder(article.summary());
        List<String> steps = article.steps();
        if (!steps.isEmpty()) {
            out.append("\n");
            for (int i = 0; i < steps.size(); i++) {
                out.append("\n").append(i + 1).append(". ").append(steps.get(i));
            }
        }
        return out.toString();
    }

    private String spoken(String text, String language) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : withoutUrls(text).split("(?<=[.!?])\\s+")) {
            if (!sentence.isBlank()) {
                sentences.add(sentence.strip());
            }
        }
        sentences.add(prompts.text("phone-more-info", language, Map.of()));
        return String.join(" ", sentences);
    }

    /** Links cannot be read out or tapped in a spoken or SMS body; the source URL is added separately. */
    static String withoutUrls(String text) {
        return text.replaceAll("https?://\\S+", "").replaceAll("\\s{2,}", " ").strip();
    }
}
