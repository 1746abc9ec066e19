package nl.loket.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleLoaderTest {

    static final String VALID = "classpath:kb-fixtures/valid";

    @Test
    void loadsEveryArticleFromTheClasspath() {
        List<Article> articles = ArticleLoader.load(VALID);

        assertThat(articles).hasSize(20);
        assertThat(articles).extracting(Article::language).containsOnly("nl", "en");
        Article grofvuil = articles.stream().filter(a -> a.id().equals("nl-grofvuil")).findFirst().orElseThrow();
        assertThat(grofvuil.topic()).isEqualTo("grofvuil");
        assertThat(grofvuil.title()).isEqualTo("Grofvuil laten ophalen");
        assertThat(grofvuil.source()).isEqualTo("https://www.nijmegen.nl/diensten/grofvuil/");
        assertThat(grofvuil.lastReviewed()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(grofvuil.related()).containsExactly("afval-containers");
        assertThat(grofvuil.examples()).hasSize(5).contains("hoe laat ik grofvuil ophalen");
        assertThat(grofvuil.keywords()).contains("grofvuil", "grof afval");
        assertThat(grofvuil.sample()).isTrue();
        assertThat(grofvuil.body()).startsWith("Grote spullen").doesNotContain("---");
    }

    @Test
    void loadsFromAFilesystemFolderToo() {
        Path folder = Path.of("src/test/resources/kb-fixtures/valid");

        assertThat(ArticleLoader.load(folder.toString())).hasSize(20);
        assertThat(ArticleLoader.load(folder.toUri().toString())).hasSize(20);
    }

    @Test
    void loadsFromInsideAJar(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        Path jar = temp.resolve("app.jar");
        Path valid = Path.of("src/test/resources/kb-fixtures/valid");
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar));
             var files = java.nio.file.Files.walk(valid)) {
            for (String dir : List.of("BOOT-INF/", "BOOT-INF/classes/", "BOOT-INF/classes/kb/")) {
                out.putNextEntry(new java.util.jar.JarEntry(dir));
                out.closeEntry();
            }
            for (Path p : files.filter(f -> !f.equals(valid)).sorted().toList()) {
                String name = "BOOT-INF/classes/kb/" + valid.relativize(p).toString().replace('\\', '/');
                boolean dir = java.nio.file.Files.isDirectory(p);
                out.putNextEntry(new java.util.jar.JarEntry(dir ? name + "/" : name));
                if (!dir) {
                    out.write(java.nio.file.Files.readAllBytes(p));
                }
                out.closeEntry();
            }
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {new java.net.URL("jar:" + jar.toUri() + "!/BOOT-INF/classes/")}, null)) {
            List<Article> articles = ArticleLoader.load("classpath:kb", loader);

            assertThat(articles).hasSize(20);
            assertThatThrownBy(() -> ArticleLoader.load("classpath:kb-fixtures/valid", loader))
                    .hasMessageContaining("no *.md articles found");
        }
    }

    @Test
    void namesClasspathFilesFromTheBaseFolder() {
        assertThatThrownBy(() -> ArticleLoader.load("classpath:kb-fixtures/invalid/bad-date"))
                .hasMessageStartingWith("kb-fixtures/invalid/bad-date/nl/paspoort.md: ");
    }

    @Test
    void anEmptyLocationIsAnError() {
        assertThatThrownBy(() -> ArticleLoader.load("classpath:kb-fixtures/does-not-exist"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("no *.md articles found");
        assertThatThrownBy(() -> ArticleLoader.load("src/test/resources/kb-fixtures/does-not-exist"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("is not a folder");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            missing-title       | nl/paspoort.md       | title        | is missing
            empty-summary       | nl/paspoort.md       | summary      | is empty
            examples-not-a-list | nl/paspoort.md       | examples     | must be a list, not a text
            sample-not-boolean  | nl/paspoort.md       | sample       | must be true or false
            bad-date            | nl/paspoort.md       | lastReviewed | '2026-02-30', which is not a valid date
            bad-language        | de/paspoort.md       | language     | is 'de'; it must be one of nl, en
            id-mismatch         | nl/paspoort.md       | id           | must be 'nl-paspoort' (<language>-<topic>)
            unknown-related     | nl/paspoort.md       | related      | names topic 'rijbewijs', which no article in the knowledge base has
            duplicate-id        | nl/paspoort.md       | id           | is 'nl-paspoort', which
            source-not-https    | nl/paspoort.md       | source       | it must be an https URL
            summary-too-long    | nl/paspoort.md       | summary      | is 312 characters; at most 300 fit two SMS segments
            too-few-examples    | nl/paspoort.md       | examples     | has 2 entries; at least 3 are needed
            unknown-field       | nl/paspoort.md       | keyword      | is not a known field
            """)
    void rejectsABrokenArticleNamingTheFileAndField(String fixture, String file, String field, String problem) {
        assertThatThrownBy(() -> ArticleLoader.load("classpath:kb-fixtures/invalid/" + fixture))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.file()).isEqualTo("kb-fixtures/invalid/" + fixture + "/" + file);
                })
                .hasMessageStartingWith("kb-fixtures/invalid/" + fixture + "/" + file + ": field '" + field + "' ")
                .hasMessageContaining(problem);
    }

    @Test
    void duplicateIdNamesBothFiles() {
        assertThatThrownBy(() -> ArticleLoader.load("classpath:kb-fixtures/invalid/duplicate-id"))
                .hasMessage("kb-fixtures/invalid/duplicate-id/nl/paspoort.md: field 'id' is 'nl-paspoort', which "
                        + "kb-fixtures/invalid/duplicate-id/extra/nl/paspoort.md already uses");
    }

    @Test
    void theSummaryMessageExplainsTheLimit() {
        assertThatThrownBy(() -> ArticleLoader.load("classpath:kb-fixtures/invalid/summary-too-long"))
                .hasMessage("kb-fixtures/invalid/summary-too-long/nl/paspoort.md: field 'summary' is 312 characters; at most 300 fit two SMS segments");
    }

    @Test
    void rejectsAFileWithoutFrontMatterOrWithBrokenYaml() {
        assertThatThrownBy(() -> ArticleLoader.load("classpath:kb-fixtures/invalid/no-front-matter"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageStartingWith("kb-fixtures/invalid/no-front-matter/nl/paspoort.md: no YAML front matter");
        assertThatThrownBy(() -> ArticleLoader.load("classpath:kb-fixtures/invalid/broken-yaml"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageStartingWith("kb-fixtures/invalid/broken-yaml/nl/paspoort.md: front matter is not valid YAML");
    }

    @Test
    void theFileNameMustBeTheTopic() {
        String text = """
                ---
                id: nl-paspoort
                topic: paspoort
                language: nl
                title: Paspoort
                summary: Kort.
                source: https://www.nijmegen.nl/
                lastReviewed: 2026-11-01
                examples: [a, b, c]
                keywords: [paspoort]
                ---
                Tekst.
                """;
        assertThat(ArticleParser.parse("knowledge/nl/paspoort.md", text).id()).isEqualTo("nl-paspoort");
        assertThatThrownBy(() -> ArticleParser.parse("knowledge/nl/pas.md", text))
                .hasMessage("knowledge/nl/pas.md: field 'topic' is 'paspoort' but the file is named 'pas.md'; name it 'paspoort.md'");
    }

    @Test
    void optionalFieldsHaveDefaults() {
        Article a = ArticleParser.parse("knowledge/en/paspoort.md", """
                ---
                id: en-paspoort
                topic: paspoort
                language: en
                title: Passport
                summary: Short.
                source: https://www.nijmegen.nl/
                lastReviewed: 2026-11-01
                examples: [a, b, c]
                keywords: [passport]
                ---
                Text.
                """);
        assertThat(a.related()).isEmpty();
        assertThat(a.sample()).isFalse();
    }

    @Test
    void aKnowledgeBaseFromTheStoreLeavesOutTheQuestionsOfATopicTakenOfflineWhereTheFilesWouldRefuseThem() {
        List<Article> all = ArticleLoader.load(ArticleLoader.DEFAULT_LOCATION);
        List<Article> withoutPassport = all.stream().filter(a -> !a.topic().equals("paspoort")).toList();

        assertThatThrownBy(() -> ArticleLoader.questions(ArticleLoader.DEFAULT_LOCATION, withoutPassport))
                .isInstanceOf(InvalidArticleException.class).hasMessageContaining("paspoort");
        List<AskedQuestion> live = ArticleLoader.questionsOfLiveTopics(ArticleLoader.DEFAULT_LOCATION, withoutPassport);
        assertThat(live).isNotEmpty().noneMatch(q -> "paspoort".equals(q.topic()));
        assertThat(live.size())
                .isLessThan(ArticleLoader.questions(ArticleLoader.DEFAULT_LOCATION, all).size());
    }
}
