package nl.loket.outreach;

import nl.loket.platform.Json;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The supervisors' campaign API: HTTP Basic, role SUPERVISOR (an AGENT gets 403). */
@RestController
@RequestMapping("/api/outreach/campaigns")
class OutreachApi {

    private final Outreach outreach;
    private final Json json;

    OutreachApi(Outreach outreach, Json json) {
        this.outreach = outreach;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> create(@RequestBody(required = false) String body, Authentication supervisor) {
        String id = outreach.create(CampaignRequest.fromJson(json.parseRequest(body)), supervisor.getName());
        return ResponseEntity.created(URI.create("/api/outreach/campaigns/" + id)).body(Map.of("id", id));
    }

    @GetMapping
    List<Outreach.Status> list() {
        return outreach.all();
    }

    @PostMapping("/{id}/dry-run")
    Outreach.DryRun dryRun(@PathVariable String id) {
        return outreach.dryRun(id);
    }

    @PostMapping("/{id}/start")
    ResponseEntity<Outreach.Status> start(@PathVariable String id) {
        outreach.start(id);
        return ResponseEntity.accepted().body(outreach.status(id));
    }

    @GetMapping("/{id}")
    Outreach.Status status(@PathVariable String id) {
        return outreach.status(id);
    }
}
