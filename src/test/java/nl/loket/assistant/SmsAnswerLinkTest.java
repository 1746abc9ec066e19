package nl.loket.assistant;

import nl.loket.contact.Channel;
import nl.loket.knowledge.Article;
import nl.loket.knowledge.KnowledgeBase;
import nl.loket.platform.PromptProperties;
import nl.loket.platform.Prompts;
import nl.loket.platform.text.SmsSegments;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every article answered by SMS keeps its source link and fits two segments, however long its summary. */
class SmsAnswerLinkTest {

    @Test
    void everySmsAnswerKeepsItsSourceLinkWithinTwoSegments() {
        AnswerRenderer renderer = new AnswerRenderer(new Prompts(new PromptProperties("prompts")));
        try (KnowledgeBase knowledge = KnowledgeBase.load("classpath:knowledge")) {
            List<Article> articles = knowledge.articles();
            assertThat(articles).hasSizeGreaterThanOrEqualTo(80);
            for (Article article : articles) {
                String sms = renderer.render(article, Channel.SMS, null, List.of()).text();
                assertThat(sms).as(article.id()).endsWith(article.source());
                assertThat(SmsSegments.count(sms).segments()).as(article.id()).isLessThanOrEqualTo(AnswerRenderer.SMS_SEGMENTS);
            }
        }
    }
}
