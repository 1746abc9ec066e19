package nl.loket.knowledge;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The wiring alone, in a bare application context (no Spring Boot application, no auto-configuration). */
class KnowledgeConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(KnowledgeConfiguration.class);

    @Test
    void buildsTheKnowledgeBaseFromTheConfiguredLocation() {
        runner.withPropertyValues("loket.knowledge.location=classpath:kb-fixtures/valid", "loket.knowledge.answer-threshold=0.6")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CurrentKnowledge.class);
                    KnowledgeBase kb = context.getBean(CurrentKnowledge.class).current();
                    assertThat(kb.topics()).contains("grofvuil");
                    assertThat(kb.answerThreshold()).isEqualTo(0.6);
                    assertThat(context.getBean(KnowledgeProperties.class).location()).isEqualTo("classpath:kb-fixtures/valid");
                });
    }

    @Test
    void defaultsToTheShippedKnowledgeBase() {
        assertThat(KnowledgeProperties.defaults().location()).isEqualTo("classpath:knowledge");
        assertThat(KnowledgeProperties.defaults().answerThreshold()).isEqualTo(0.5);
        new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
                .run(context -> {
                    assertThat(context.getBean(KnowledgeProperties.class).location()).isEqualTo("classpath:knowledge");
                    assertThat(context.getBean(KnowledgeProperties.class).answerThreshold()).isEqualTo(0.5);
                });
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(KnowledgeProperties.class)
    static class PropertiesOnly {
    }

    /** As in LoketApplication: properties scanning on top of the module's own registration. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.ConfigurationPropertiesScan("nl.loket.knowledge")
    @org.springframework.context.annotation.Import(KnowledgeConfiguration.class)
    static class ScannedLikeTheApplication {
    }

    @Test
    void worksWithTheApplicationsPropertiesScan() {
        new ApplicationContextRunner().withUserConfiguration(ScannedLikeTheApplication.class)
                .withPropertyValues("loket.knowledge.location=classpath:kb-fixtures/valid")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(KnowledgeProperties.class).hasSingleBean(CurrentKnowledge.class);
                    assertThat(context.getBean(CurrentKnowledge.class).current().topics()).contains("paspoort");
                });
    }

    @Test
    void aBrokenArticleStopsStartUpNamingFileAndField() {
        runner.withPropertyValues("loket.knowledge.location=classpath:kb-fixtures/invalid/summary-too-long")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(InvalidArticleException.class)
                        .hasMessage("kb-fixtures/invalid/summary-too-long/nl/paspoort.md: field 'summary' is 312 characters; "
                                + "at most 300 fit two SMS segments"));
    }

    @Test
    void rejectsAnInvalidThreshold() {
        runner.withPropertyValues("loket.knowledge.location=classpath:kb-fixtures/valid", "loket.knowledge.answer-threshold=1.5")
                .run(context -> assertThat(context).hasFailed());
    }
}
