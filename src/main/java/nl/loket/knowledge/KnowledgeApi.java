package nl.loket.knowledge;

import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.Json;
import nl.loket.platform.Problem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;

import java.util.Map;

/** The editors' JSON API: articles and their versions, drafts, four-eyes approval, diffs and roll-backs. */
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeApi {

    private final KnowledgeEditing editing;
    private final CurrentKnowledge current;
    private final Json json;
    private final ArticleOverview overview;
    private final OpenProductenImport openProducten;

    KnowledgeApi(KnowledgeEditing editing, CurrentKnowledge current, Json json, ArticleOverview overview,
                 OpenProductenImport openProducten) {
        this.editing = editing;
        this.openProducten = openProducten;
        this.overview = overview;
        this.current = current;
        this.json = json;
    }

    /**
     * Imports the published product types of Open Producten as draft articles now, and reports what it did: drafted,
     * unchanged, not imported (with the reason), withdrawn upstream. Drafts wait for a second editor's approval.
     */
    @PostMapping("/open-producten/sync")
    OpenProductenImport.Report syncOpenProducten() {
        return openProducten.sync();
    }

    /** The published articles as Markdown files in the knowledge folder's layout, in one ZIP. */
    @GetMapping(value = "/export", produces = "application/zip")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kennisbank.zip\"")
                .contentType(MediaType.parseMediaType("application/zip")).body(editing.exportPublished());
    }

    @GetMapping("/articles")
    Map<String, Object> articles(@RequestParam(required = false) String topic, @RequestParam(required = false) String language,
                                 @RequestParam(required = false) String q) {
        return Map.of("release", current.release(), "articles",
                overview.search(overview.list(blankToNull(topic), blankToNull(language)), q));
    }

    @GetMapping("/articles/{id}")
    ArticleHistory article(@PathVariable String id) {
        return editing.history(id).orElseThrow(() -> new UnknownArticleVersion(id));
    }

    /**
     * {@code {"note":"…"}} proposes to take a live article offline; another editor approves it with
     * {@code POST /drafts/{id}/approve} like a draft. {@code 201} with the proposal's draft id.
     */
    @PostMapping("/articles/{id}/withdraw")
    ResponseEntity<Map<String, Object>> withdraw(@PathVariable String id, @RequestBody(required = false) String body,
                                                 Authentication editor) {
        JsonNode request = json.parseRequest(body);
        ArticleVersion proposed = editing.proposeWithdrawal(editor.getName(), id, request.path("note").asString(""));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id + "." + proposed.number());
        answer.put("kind", proposed.kind().name());
        answer.put("version", proposed.number());
        answer.put("status", "DRAFT");
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @GetMapping("/articles/{id}/diff")
    VersionDiff diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return editing.diff(id, from, to);
    }

    @PostMapping("/drafts")
    ResponseEntity<Map<String, Object>> saveDraft(@RequestBody(required = false) String body, Authentication editor) {
        JsonNode request = json.parseRequest(body);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.mapper().convertValue(request, LinkedHashMap.class);
        ArticleVersion saved = editing.saveDraft(editor.getName(), fields);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", saved.draftId());
        answer.put("article", saved.article().id());
        answer.put("topic", saved.article().topic());
        answer.put("language", saved.article().language());
        answer.put("version", saved.number());
        answer.put("status", "DRAFT");
        answer.put("changed", saved.changed());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    /**
     * Publishes a draft after the four-eyes and evaluation-gate checks; {@code ?override=true} publishes despite the
     * gate, for a supervisor only (kept with the approval).
     */
    @PostMapping("/drafts/{id}/approve")
    Map<String, Object> approve(@PathVariable String id, @RequestParam(defaultValue = "false") boolean override,
                                Authentication editor) {
        if (override && !KnowledgeAccess.isSupervisor(editor)) {
            throw new GateOverrideRefused();
        }
        ArticleVersions.Publication done = editing.approve(editor.getName(), DraftId.parse(id), override);
        return published(done);
    }

    /** A problem (RFC 9457) with the gate's report as an extension member, so the editor sees what changed. */
    @ExceptionHandler(PublishRefusedByEvaluation.class)
    ResponseEntity<Map<String, Object>> refused(PublishRefusedByEvaluation e, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.detail());
        body.put("instance", request.getRequestURI());
        body.put("gate", e.report());
        return ResponseEntity.status(e.status()).contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE)).body(body);
    }

    /** {@code {"version": n, "note"?}}: publishes version n's content again as a new version. */
    @PostMapping("/articles/{id}/rollback")
    Map<String, Object> rollBack(@PathVariable String id, @RequestBody(required = false) String body, Authentication editor) {
        JsonNode request = json.parseRequest(body);
        if (!request.path("version").isInt()) {
            throw new InvalidRequestException("version", "Give the version to roll back to as a number: {\"version\": 2}.");
        }
        return published(editing.rollBack(editor.getName(), id, request.path("version").asInt(),
                request.path("note").asString("")));
    }

    private static Map<String, Object> published(ArticleVersions.Publication done) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", done.version().article().id());
        answer.put("topic", done.version().article().topic());
        answer.put("language", done.version().article().language());
        answer.put("version", done.version().number());
        answer.put("status", "PUBLISHED");
        answer.put("release", done.release());
        if (done.version().rolledBackTo() != null) {
            answer.put("rolledBackTo", done.version().rolledBackTo());
        }
        return answer;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
