package nl.loket.outreach;

import nl.loket.platform.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /agent/outreach}: supervisors list campaigns, make one (CSV uploaded or pasted), see the dry run,
 * start it and follow its counts. Plain forms, no JavaScript needed.
 */
@Controller
class OutreachPage {

    private final Outreach outreach;

    OutreachPage(Outreach outreach) {
        this.outreach = outreach;
    }

    @GetMapping("/agent/outreach")
    String list(Model model, Authentication supervisor) {
        model.addAttribute("agentName", supervisor.getName());
        model.addAttribute("campaigns", outreach.all());
        return "agent/outreach";
    }

    @PostMapping("/agent/outreach")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String purpose,
                  @RequestParam(defaultValue = "") String templateNl, @RequestParam(defaultValue = "") String templateEn,
                  @RequestParam(required = false) List<String> channels,
                  @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                  @RequestParam(defaultValue = "60") String ratePerMinute,
                  @RequestParam(defaultValue = "") String audienceCsv,
                  @RequestParam(required = false) MultipartFile audienceFile,
                  Authentication supervisor, Model model, RedirectAttributes flash) throws IOException {
        String csv = audienceFile != null && !audienceFile.isEmpty()
                ? new String(audienceFile.getBytes(), StandardCharsets.UTF_8) : audienceCsv;
        try {
            Integer rate = ratePerMinute.matches("\\d{1,6}") ? Integer.valueOf(ratePerMinute) : -1;
            String id = outreach.create(CampaignRequest.of(name, purpose, templateNl, templateEn, channels, from, to,
                    List.of(), rate, csv), supervisor.getName());
            flash.addFlashAttribute("status", "Campagne opgeslagen. Bekijk de proefrun voordat u start.");
            return "redirect:/agent/outreach/" + id;
        } catch (ProblemException e) {
            model.addAttribute("error", e.detail());
            model.addAttribute("form", new Form(name, purpose, templateNl, templateEn, from, to, ratePerMinute));
            return list(model, supervisor);
        }
    }

    @GetMapping("/agent/outreach/{id}")
    String one(@PathVariable String id, Model model, Authentication supervisor) {
        model.addAttribute("agentName", supervisor.getName());
        model.addAttribute("campaign", outreach.campaign(id).orElseThrow(Outreach.CampaignNotFoundException::new));
        model.addAttribute("campaignStatus", outreach.status(id));
        return "agent/outreach-campaign";
    }

    @PostMapping("/agent/outreach/{id}/dry-run")
    String dryRun(@PathVariable String id, Model model, Authentication supervisor) {
        try {
            model.addAttribute("dryRun", outreach.dryRun(id));
        } catch (ProblemException e) {
            model.addAttribute("error", e.detail());
        }
        return one(id, model, supervisor);
    }

    @PostMapping("/agent/outreach/{id}/start")
    String start(@PathVariable String id, RedirectAttributes flash) {
        try {
            outreach.start(id);
            flash.addFlashAttribute("status", "De campagne is gestart.");
        } catch (ProblemException e) {
            flash.addFlashAttribute("error", e.detail());
        }
        return "redirect:/agent/outreach/" + id;
    }

    /** What the supervisor typed, shown again after a refusal. */
    record Form(String name, String purpose, String templateNl, String templateEn, String from, String to,
                String ratePerMinute) { }
}
