package nl.loket.knowledge;

import org.springframework.beans.factory.ObjectProvider;
import nl.loket.platform.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;

/**
 * The editors' pages under {@code /redactie} (role EDITOR): the articles, one article with its versions and diff,
 * four-eyes approval and roll-back, and the draft form with the readability check, the SMS and a test box. The same
 * rules as the JSON API ({@link KnowledgeApi}); plain forms that work without JavaScript, {@code redactie.js} only
 * refreshes the preview while typing.
 */
@Controller
@RequestMapping("/redactie")
class RedactiePages {

    static final Map<String, String> FIELD_LABELS = labels();
    private static final ZoneId TIME_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm", new Locale("nl"));

    private final KnowledgeEditing editing;
    private final CandidateKnowledge candidates;
    private final DraftChecks checks;
    private final Clock clock;
    private final SourceLinks sourceLinks;
    private final ArticleOverview overview;
    private final ObjectProvider<UnansweredQuestions> unanswered;
    private final CurrentKnowledge current;

    RedactiePages(KnowledgeEditing editing, CandidateKnowledge candidates, DraftChecks checks, Clock clock,
                  SourceLinks sourceLinks, ArticleOverview overview, ObjectProvider<UnansweredQuestions> unanswered,
                  CurrentKnowledge current) {
        this.editing = editing;
        this.current = current;
        this.unanswered = unanswered;
        this.sourceLinks = sourceLinks;
        this.overview = overview;
        this.candidates = candidates;
        this.checks = checks;
        this.clock = clock;
    }

    /** One row of the list. */
    record Row(ArticleSummary article, boolean reviewOverdue) {
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String taal,
                @RequestParam(defaultValue = "") String bron, Model model, Authentication editor) {
        LocalDate today = LocalDate.now(clock.withZone(TIME_ZONE));
        boolean onlyBroken = "werkt-niet".equals(bron);
        List<Row> rows = overview.search(overview.list(null, ArticleParser.LANGUAGES.contains(taal) ? taal : null), q).stream()
                .filter(a -> !onlyBroken || a.sourceBroken())
                .map(a -> new Row(a, a.reviewDue() != null && a.reviewDue().isBefore(today)))
                .toList();
        model.addAttribute("agentName", editor.getName());
        model.addAttribute("rows", rows);
        model.addAttribute("q", q);
        model.addAttribute("taal", taal);
        model.addAttribute("bron", onlyBroken ? "werkt-niet" : "");
        return "redactie/list";
    }

    /** One version in the history table. */
    record VersionRow(int number, String kind, String status, String author, String savedAt, String changed, String note,
                      String approvedBy, String approvedAt, String gateOverridden, boolean canRollBack) {
    }

    @GetMapping("/artikelen/{id}")
    String article(@PathVariable String id, @RequestParam(required = false) Integer van,
                   @RequestParam(required = false) Integer tot, Model model, Authentication editor) {
        ArticleHistory history = editing.history(id).orElseThrow(() -> new UnknownArticleVersion(id));
        VersionView latest = history.versions().get(history.versions().size() - 1);
        VersionView published = history.publishedVersion() == null ? null : history.versions().get(history.publishedVersion() - 1);
        VersionView draft = "DRAFT".equals(latest.status()) ? latest : null;
        model.addAttribute("agentName", editor.getName());
        model.addAttribute("history", history);
        model.addAttribute("title", (published != null ? published : latest).article().title());
        model.addAttribute("language", history.language());
        model.addAttribute("published", published);
        model.addAttribute("sourceCheck", published == null ? null
                : sourceLinks.of(id, published.article().source()).map(c -> c.label() + ", gecontroleerd " + time(c.checkedAt()))
                .orElse("nog niet gecontroleerd"));
        model.addAttribute("draft", draft);
        model.addAttribute("draftId", draft == null ? null : id + "." + draft.number());
        model.addAttribute("ownDraft", draft != null && draft.author().equals(editor.getName()));
        model.addAttribute("supervisor", KnowledgeAccess.isSupervisor(editor));
        if (!model.containsAttribute("gate")) {
            model.addAttribute("gate", null);
        }
        model.addAttribute("draftChanged", draft == null ? "" : fieldNames(draft.changed()));
        model.addAttribute("labels", FIELD_LABELS);
        model.addAttribute("versions", reversed(history.versions()).stream().map(v -> new VersionRow(v.number(),
                kindLabel(v), statusLabel(v.status()), v.author(), time(v.savedAt()),
                fieldNames(v.changed()), v.note(),
                v.approvedBy(), time(v.approvedAt()), v.gateOverridden(),
                "REPLACED".equals(v.status()))).toList());
        int from = van != null ? van : published != null && draft != null ? published.number() : Math.max(1, history.latestVersion() - 1);
        int to = tot != null ? tot : history.latestVersion();
        model.addAttribute("van", from);
        model.addAttribute("tot", to);
        if (from != to) {
            try {
                VersionDiff diff = editing.diff(id, from, to);
                model.addAttribute("diff", diff);
            } catch (UnknownArticleVersion e) {
                model.addAttribute("error", "Die versie bestaat niet. Kies twee versies uit de lijst.");
            }
        }
        return "redactie/article";
    }

    /**
     * "Nu controleren": checks the published article's source link at once instead of waiting for the periodic check
     * (an editor who just fixed the page on the municipality's site wants to see it). Under the same lock, so it
     * never runs beside another instance's check.
     */
    @PostMapping("/artikelen/{id}/bron-controleren")
    String checkSource(@PathVariable String id, RedirectAttributes flash) {
        editing.history(id).orElseThrow(() -> new UnknownArticleVersion(id));
        if (sourceLinks.check(java.util.List.of(id)) == 0) {
            flash.addFlashAttribute("error", "De bronlink kon nu niet gecontroleerd worden: er loopt al een controle, of het "
                    + "artikel is niet gepubliceerd. Probeer het over een minuut opnieuw.");
        } else {
            flash.addFlashAttribute("status", "De bronlink is nu gecontroleerd.");
        }
        return "redirect:/redactie/artikelen/" + id + "#source-check";
    }

    @PostMapping("/artikelen/{id}/goedkeuren")
    String approve(@PathVariable String id, @RequestParam String concept, @RequestParam(defaultValue = "false") boolean ondanks,
                   Authentication editor, RedirectAttributes flash) {
        try {
            DraftId draft = DraftId.parse(concept);
            if (!draft.articleId().equals(id)) {
                // the button of one article's page publishes only that article's draft
                throw new UnknownArticleVersion(concept);
            }
            if (ondanks && !KnowledgeAccess.isSupervisor(editor)) {
                throw new GateOverrideRefused();
            }
            ArticleVersions.Publication done = editing.approve(editor.getName(), draft, ondanks);
            flash.addFlashAttribute("status", done.version().kind() == ArticleVersion.Kind.WITHDRAWAL
                    ? "Het artikel is offline gehaald. De assistent antwoordt er niet meer mee; terugzetten kan hieronder."
                    : "Versie " + done.version().number() + " is goedgekeurd en gepubliceerd. De assistent antwoordt er nu mee.");
        } catch (SelfApprovalRefused e) {
            flash.addFlashAttribute("error", "U heeft dit concept zelf geschreven. Een andere redacteur moet het "
                    + "goedkeuren (vier ogen). Het concept is niet gepubliceerd.");
        } catch (DraftSuperseded e) {
            flash.addFlashAttribute("error", "Er is intussen een nieuwere versie opgeslagen. Bekijk die eerst.");
        } catch (PublishRefusedByEvaluation e) {
            PublishGate.Report r = e.report();
            flash.addFlashAttribute("error", "Niet gepubliceerd: met dit concept geeft de assistent " + r.falseAnswersAfter()
                    + " foute antwoorden op de testvragen (nu " + r.falseAnswersBefore() + ")"
                    + (r.crisisMissed() > 0 ? " en herkent hij " + r.crisisMissed() + " crisisberichten niet meer" : "")
                    + ". Hieronder staat wat verandert. Pas het concept aan, of vraag een teamleider.");
            flash.addFlashAttribute("gate", r);
        } catch (ProblemException e) {
            flash.addFlashAttribute("error", e.detail());
        }
        return "redirect:/redactie/artikelen/" + id;
    }

    /** Proposes to take the article offline, with the reason; another editor approves it like a draft. */
    @PostMapping("/artikelen/{id}/offline-halen")
    String withdraw(@PathVariable String id, @RequestParam(defaultValue = "") String reden, Authentication editor,
                    RedirectAttributes flash) {
        try {
            ArticleVersion proposed = editing.proposeWithdrawal(editor.getName(), id, reden);
            flash.addFlashAttribute("status", "Voorstel om het artikel offline te halen is opgeslagen als versie "
                    + proposed.number() + ". Een andere redacteur moet het goedkeuren.");
        } catch (InvalidDraft e) {
            flash.addFlashAttribute("error", "Schrijf waarom het artikel offline gaat.");
        } catch (UnknownArticleVersion e) {
            flash.addFlashAttribute("error", "Dit artikel staat niet online.");
        }
        return "redirect:/redactie/artikelen/" + id;
    }

    @PostMapping("/artikelen/{id}/terugzetten")
    String rollBack(@PathVariable String id, @RequestParam int versie, @RequestParam(defaultValue = "") String notitie,
                    Authentication editor, RedirectAttributes flash) {
        try {
            ArticleVersions.Publication done = editing.rollBack(editor.getName(), id, versie, notitie.strip());
            flash.addFlashAttribute("status", "De tekst van versie " + versie + " is teruggezet als versie "
                    + done.version().number() + " en gepubliceerd.");
        } catch (ProblemException e) {
            flash.addFlashAttribute("error", e.detail());
        }
        return "redirect:/redactie/artikelen/" + id;
    }

    /**
     * The questions the assistant could not answer in the last {@link UnansweredQuestions#DAYS} days, grouped, with
     * personal data taken out: a group starts a new article, a question becomes an example of an existing one. Both
     * open the draft form filled in; the editor checks it and saves, and a second editor approves as always.
     */
    @GetMapping("/vragen")
    String questions(Model model, Authentication editor) {
        model.addAttribute("agentName", editor.getName());
        model.addAttribute("groups", unansweredGroups());
        model.addAttribute("articles", overview.list(null, null).stream()
                .sorted(java.util.Comparator.comparing(ArticleSummary::language).thenComparing(ArticleSummary::title)).toList());
        model.addAttribute("days", UnansweredQuestions.DAYS);
        model.addAttribute("replay", replay());
        return "redactie/questions";
    }

    /** How many questions to replay at most: the newest, so the page stays quick (about 5 ms each). */
    static final int REPLAY_LIMIT = 300;

    /**
     * The unanswered questions replayed against the knowledge base as it is now, as the test box does (nothing sent,
     * stored or counted): after a publish, how many the new version answers. Per question: the topic now answered.
     */
    record Replay(int questions, int answeredNow, Map<String, String> topicByQuestion) {
    }

    private Replay replay() {
        UnansweredQuestions source = unanswered.getIfAvailable();
        if (source == null) {
            return new Replay(0, 0, Map.of());
        }
        KnowledgeBase now = current.current();
        Map<String, String> answered = new LinkedHashMap<>();
        List<String> questions = source.questions(UnansweredQuestions.DAYS, REPLAY_LIMIT);
        for (String question : new java.util.LinkedHashSet<>(questions)) {
            DraftChecks.TestAnswer answer = checks.ask(now, question);
            if ("ANSWERED".equals(answer.outcome()) && answer.topic() != null) {
                answered.put(question, answer.topic());
            }
        }
        int answeredNow = (int) questions.stream().filter(answered::containsKey).count();
        return new Replay(questions.size(), answeredNow, answered);
    }

    @PostMapping("/vragen/voorbeeld")
    String questionAsExample(@RequestParam(defaultValue = "") String artikel, @RequestParam(defaultValue = "") String vraag,
                             Model model, Authentication editor, RedirectAttributes flash) {
        String question = vraag.strip();
        // Only a question of the list: the page sends back what it showed, nothing else becomes an example this way.
        if (unansweredGroups().stream().noneMatch(g -> g.examples().contains(question))) {
            flash.addFlashAttribute("error", "Deze vraag staat niet (meer) in de lijst.");
            return "redirect:/redactie/vragen";
        }
        Optional<ArticleHistory> history = editing.history(artikel);
        if (history.isEmpty()) {
            flash.addFlashAttribute("error", "Kies een artikel om de vraag aan toe te voegen.");
            return "redirect:/redactie/vragen";
        }
        Article latest = history.get().versions().get(history.get().versions().size() - 1).article();
        model.addAttribute("status", "De vraag staat onderaan bij de voorbeeldvragen. Kijk het concept na en sla het op.");
        return form(DraftForm.of(latest).withExamples(List.of(question)), Map.of(), null, null, model, editor);
    }

    @PostMapping("/vragen/nieuw-artikel")
    String questionsAsNewArticle(@RequestParam(defaultValue = "") String term, Model model, Authentication editor,
                                 RedirectAttributes flash) {
        Optional<UnansweredQuestions.Group> group = unansweredGroups().stream().filter(g -> g.term().equals(term)).findFirst();
        if (group.isEmpty()) {
            flash.addFlashAttribute("error", "Deze groep vragen staat niet (meer) in de lijst.");
            return "redirect:/redactie/vragen";
        }
        model.addAttribute("status", "De vragen staan bij de voorbeeldvragen. Schrijf het artikel en sla het op.");
        return form(DraftForm.empty().withExamples(group.get().examples()), Map.of(), null, null, model, editor);
    }

    private List<UnansweredQuestions.Group> unansweredGroups() {
        UnansweredQuestions source = unanswered.getIfAvailable();
        return source == null ? List.of() : source.lastDays(UnansweredQuestions.DAYS);
    }

    /** The same ZIP as {@code GET /api/knowledge/export}, for the button on the list. */
    @GetMapping(value = "/export", produces = "application/zip")
    @ResponseBody
    org.springframework.http.ResponseEntity<byte[]> export() {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kennisbank.zip\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .body(editing.exportPublished());
    }

    @GetMapping("/artikelen/{id}/bewerken")
    String edit(@PathVariable String id, Model model, Authentication editor) {
        ArticleHistory history = editing.history(id).orElseThrow(() -> new UnknownArticleVersion(id));
        // Go on from the draft waiting, if any: a new draft replaces it, so starting from the live text would lose it.
        return form(DraftForm.of(history.versions().get(history.versions().size() - 1).article()), Map.of(), null, null, model, editor);
    }

    @GetMapping("/nieuw")
    String newArticle(Model model, Authentication editor) {
        return form(DraftForm.empty(), Map.of(), null, null, model, editor);
    }

    /**
     * The draft form's buttons: save, preview (readability and SMS without JavaScript) or test a question. A refused
     * save comes back with everything typed and the message beside its field.
     */
    @PostMapping("/concept")
    String submit(@ModelAttribute DraftForm form, @RequestParam(defaultValue = "opslaan") String actie, Model model,
                  Authentication editor, RedirectAttributes flash) {
        if ("voorbeeld".equals(actie)) {
            return form(form, Map.of(), null, null, model, editor);
        }
        if ("test".equals(actie)) {
            Test test = test(form);
            return form(form, test.errors(), test.answer(), test.error(), model, editor);
        }
        if (!form.isNew() && !form.article().equals(form.language().strip() + "-" + form.topic().strip())) {
            return form(form, Map.of("topic", "Onderwerp en taal van een bestaand artikel veranderen niet. "
                    + "Begin een nieuw artikel voor een ander onderwerp."), null, null, model, editor);
        }
        try {
            ArticleVersion saved = editing.saveDraft(editor.getName(), form.fields());
            flash.addFlashAttribute("status", "Concept versie " + saved.number()
                    + " is opgeslagen. Een andere redacteur moet het goedkeuren voordat het live gaat.");
            return "redirect:/redactie/artikelen/" + saved.article().id();
        } catch (InvalidDraft e) {
            String field = formField(e.field());
            return form(form, Map.of(field, DraftMessages.dutch(field, e.detail())), null, null, model, editor);
        } catch (ProblemException e) {
            model.addAttribute("error", e.detail());
            return form(form, Map.of(), null, null, model, editor);
        }
    }

    /** The preview for {@code redactie.js}: the same as the page shows after "Voorbeeld" or "Test". */
    @PostMapping(value = "/voorbeeld", produces = "application/json")
    @ResponseBody
    Map<String, Object> preview(@ModelAttribute DraftForm form, @RequestParam(defaultValue = "voorbeeld") String actie) {
        Map<String, Object> out = new LinkedHashMap<>(preview(form));
        if ("test".equals(actie)) {
            Test test = test(form);
            out.put("test", test.answer());
            out.put("testError", test.error());
        }
        return out;
    }

    private record Test(TestView answer, String error, Map<String, String> errors) {
    }

    /** A test question's answer as the page shows it. */
    record TestView(String outcome, String outcomeLabel, String topic, Double confidence, String text) {

        static TestView of(DraftChecks.TestAnswer a) {
            String label = switch (a.outcome()) {
                case "ANSWERED" -> "Beantwoord";
                case "CLARIFY" -> "Vraagt door";
                case "ESCALATED" -> "Naar een medewerker";
                default -> a.outcome();
            };
            return new TestView(a.outcome(), label, a.topic(), a.confidence(), a.text());
        }
    }

    private Test test(DraftForm form) {
        if (form.question().isBlank()) {
            return new Test(null, "Typ eerst een vraag zoals een inwoner die stelt.", Map.of());
        }
        try {
            Article draft = editing.check(form.fields());
            return new Test(TestView.of(candidates.with(draft, base -> checks.ask(base, form.question().strip()))), null, Map.of());
        } catch (InvalidDraft e) {
            String field = formField(e.field());
            return new Test(null, "Het concept is nog niet compleet, dus testen kan nog niet. Zie "
                    + FIELD_LABELS.getOrDefault(field, field) + ".", Map.of(field, DraftMessages.dutch(field, e.detail())));
        }
    }

    private Map<String, Object> preview(DraftForm form) {
        Article sketch = form.sketch();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", checks.readability(sketch.summary(), sketch.language()));
        out.put("body", checks.readability(sketch.body(), sketch.language()));
        out.put("sms", checks.sms(sketch));
        out.put("voice", checks.voice(sketch));
        return out;
    }

    /** One text's readability on the page. */
    record ReadabilityPart(String field, String label, DraftChecks.Readability check) {
    }

    private String form(DraftForm form, Map<String, String> errors, TestView answer, String testError,
                        Model model, Authentication editor) {
        model.addAttribute("agentName", editor.getName());
        model.addAttribute("form", form);
        model.addAttribute("newArticle", form.isNew());
        model.addAttribute("errors", errors);
        Map<String, Object> preview = preview(form);
        model.addAttribute("preview", preview);
        model.addAttribute("readability", List.of(
                new ReadabilityPart("summary", "Samenvatting", (DraftChecks.Readability) preview.get("summary")),
                new ReadabilityPart("body", "Tekst met stappen", (DraftChecks.Readability) preview.get("body"))));
        model.addAttribute("testAnswer", answer);
        model.addAttribute("testError", testError);
        model.addAttribute("labels", FIELD_LABELS);
        if (!errors.isEmpty() && !model.containsAttribute("error") && testError == null) {
            model.addAttribute("error", "Het concept is niet opgeslagen. Verbeter " + errors.keySet().stream()
                    .map(f -> FIELD_LABELS.getOrDefault(f, f)).reduce((a, b) -> a + ", " + b).orElse("")
                    + "; de rest van uw tekst staat er nog.");
        }
        return "redactie/edit";
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> out = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    private static String fieldNames(List<String> fields) {
        return String.join(", ", fields.stream().map(f -> FIELD_LABELS.getOrDefault(f, f)).toList());
    }

    /** The form field a refusal belongs beside: the id follows from the topic, a whole-file problem is the text's. */
    private static String formField(String field) {
        return field == null ? "body" : "id".equals(field) ? "topic" : field;
    }

    private static String kindLabel(VersionView v) {
        return switch (v.kind()) {
            case IMPORT -> "Ingelezen uit de bestanden";
            case DRAFT -> "Wijziging";
            case ROLLBACK -> "Teruggezet naar versie " + v.rolledBackTo();
            case WITHDRAWAL -> "Offline halen";
        };
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "PUBLISHED" -> "Gepubliceerd";
            case "DRAFT" -> "Concept, wacht op goedkeuring";
            case "REPLACED" -> "Vervangen";
            case "WITHDRAWN" -> "Offline gehaald";
            default -> "Niet goedgekeurd, vervangen door een nieuwer concept";
        };
    }

    private static String time(Instant at) {
        return at == null ? null : SAVED_AT.format(at.atZone(TIME_ZONE));
    }

    private static Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("topic", "Onderwerp");
        l.put("language", "Taal");
        l.put("title", "Titel");
        l.put("summary", "Samenvatting");
        l.put("body", "Tekst");
        l.put("steps", "Stappen");
        l.put("examples", "Voorbeeldvragen");
        l.put("keywords", "Trefwoorden");
        l.put("related", "Gerelateerde onderwerpen");
        l.put("source", "Bron");
        l.put("lastReviewed", "Laatst nagekeken");
        return Map.copyOf(l);
    }
}
