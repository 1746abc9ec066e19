package nl.loket.insight;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicators for the municipality's own reporting: HTTP Basic, role SUPERVISOR (InsightSecurity). */
@RestController
@RequestMapping("/api/insight")
class InsightApi {

    private final ServiceIndicators indicators;

    InsightApi(ServiceIndicators indicators) {
        this.indicators = indicators;
    }

    /** {@code from} and {@code to} as YYYY-MM-DD, both included; without them the last seven days. */
    @GetMapping(value = "/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
    Indicators indicators(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return indicators.indicators(from, to);
    }

    @GetMapping("/indicators.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return csvResponse(indicators.indicators(from, to));
    }

    static ResponseEntity<String> csvResponse(Indicators i) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"loket-indicatoren-" + i.from() + "-" + i.to() + ".csv\"")
                .body(IndicatorsCsv.of(i));
    }
}
