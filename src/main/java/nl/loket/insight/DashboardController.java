package nl.loket.insight;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The supervisor dashboard {@code /agent/dashboard}: the indicators as tables, with charts drawn from those
 * same tables, a period form and a CSV export. Role SUPERVISOR (SecurityConfiguration); session login, the
 * workbench's strict CSP.
 */
@Controller
class DashboardController {

    /** The workbench's policy: no inline script or style, nothing from elsewhere. */
    private final ServiceIndicators indicators;

    DashboardController(ServiceIndicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/agent/dashboard")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     Model model, Authentication supervisor, HttpServletResponse response) {
        model.addAttribute("agentName", supervisor.getName());
        model.addAttribute("labels", new Labels());
        try {
            Indicators i = indicators.indicators(from, to);
            model.addAttribute("i", i);
            model.addAttribute("from", i.from().toString());
            model.addAttribute("to", i.to().toString());
        } catch (InvalidDateRangeException e) {
            response.setStatus(400);
            model.addAttribute("error", ("to".equals(e.field()) ? "Periode: " : "Vanaf-datum: ")
                    + (e.detail().contains("at most") ? "kies een periode van hoogstens een jaar."
                    : e.detail().contains("after") ? "de vanaf-datum ligt na de tot-en-met-datum."
                    : "vul een datum in als JJJJ-MM-DD."));
            model.addAttribute("errorField", e.field());
            model.addAttribute("from", from);
            model.addAttribute("to", to);
        }
        return "agent/dashboard";
    }

    @GetMapping("/agent/dashboard.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return InsightApi.csvResponse(indicators.indicators(from, to));
    }

    /** Formatting helpers for the template (Dutch: decimal comma). */
    static final class Labels {
        private static final DecimalFormatSymbols DUTCH = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl"));

        public String of(String code) {
            return DashboardLabels.of(code);
        }

        public String percent(Double share) {
            return share == null ? "–" : new DecimalFormat("0.#", DUTCH)
                    .format(share * 100) + "%";
        }

        public String seconds(Double seconds) {
            if (seconds == null) {
                return "–";
            }
            if (seconds < 120) {
                return new DecimalFormat("0.#", DUTCH).format(seconds) + " s";
            }
            if (seconds < 7200) {
                return new DecimalFormat("0.#", DUTCH).format(seconds / 60) + " min";
            }
            return new DecimalFormat("0.#", DUTCH).format(seconds / 3600) + " uur";
        }

        public String number(Double value) {
            return value == null ? "–" : new DecimalFormat("0.0#", DUTCH).format(value);
        }
    }
}
