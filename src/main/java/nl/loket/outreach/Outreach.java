package nl.loket.outreach;

import nl.loket.contact.Identity;
import nl.loket.platform.Ids;
import nl.loket.platform.ProblemException;
import nl.loket.platform.text.SmsSegments;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outreach module's facade: a supervisor makes a campaign (checked: template placeholders against
 * the audience's columns, the window against the allowed hours), sees a dry run, starts it, and follows
 * its counts. Sending itself runs in {@code routes/outreach.yaml}.
 */
@Service
public class Outreach {

    /** The dry run: how many would get the message, how many not and why, and the text per language. */
    public record DryRun(int wouldSend, Map<String, Integer> skipped, Map<String, String> preview,
                         Map<String, Integer> previewSegments, List<String> warnings) { }

    /** Where a campaign stands. */
    public record Status(String id, String name, String status, long sent, long failed, long skipped,
                         Map<String, Long> skippedBy, int audienceSize, boolean windowOpen, OffsetDateTime startedAt,
                         OffsetDateTime finishedAt, OffsetDateTime outcomesKeptUntil, String note) { }

    private final CampaignStore store;
    private final Recipients recipients;
    private final OutreachProperties properties;
    private final Clock clock;

    Outreach(CampaignStore store, Recipients recipients, OutreachProperties properties, Clock clock) {
        this.store = store;
        this.recipients = recipients;
        this.properties = properties;
        this.clock = clock;
    }

    String create(CampaignRequest request, String createdBy) {
        AudienceCsv.Audience audience = AudienceCsv.parse(request.audienceCsv(), properties.maxAudience());
        MessageTemplate.validate(request.template(), audience.columns());
        SendWindow window = request.windowWithin(properties);
        Campaign campaign = new Campaign(Ids.newId(), request.name(), request.purpose(), request.template(),
                request.channels(), window, request.ratePerMinute(), CampaignStatus.DRAFT, audience.rows().size(),
                createdBy, OffsetDateTime.now(clock), null, null, null, null);
        store.saveAudience(campaign.id(), request.audienceCsv(), properties.audienceTtl());
        store.save(campaign);
        return campaign.id();
    }

    DryRun dryRun(String id) {
        Campaign campaign = existing(id);
        AudienceCsv.Audience audience = audienceOf(campaign);
        int wouldSend = 0;
        Map<String, Integer> skipped = new LinkedHashMap<>(Map.of("optedOut", 0, "noAddress", 0, "invalid", 0));
        Map<String, String> preview = new LinkedHashMap<>();
        Map<String, Integer> segments = new LinkedHashMap<>();
        java.util.Set<Identity> addresses = new java.util.HashSet<>();
        for (AudienceCsv.Row row : audience.rows()) {
            Recipients.Plan plan = recipients.plan(campaign, row);
            if (plan.sends() && !addresses.add(plan.address())) {
                skipped.merge("invalid", 1, Integer::sum); // the same address on an earlier line: sent once
            } else if (plan.sends()) {
                wouldSend++;
            } else {
                skipped.merge(skipKey(plan.skip()), 1, Integer::sum);
            }
        }
        for (String language : List.of("nl", "en")) {
            AudienceCsv.Row sample = audience.rows().stream().filter(r -> r.language().equals(language)).findFirst()
                    .orElse(audience.rows().get(0));
            AudienceCsv.Row asLanguage = new AudienceCsv.Row(sample.line(), sample.reference(), sample.phone(),
                    sample.email(), language, sample.fields());
            String text = recipients.message(campaign, asLanguage, NoticeChannel.SMS, null);
            preview.put(language, text);
            segments.put(language, SmsSegments.count(text).segments());
        }
        List<String> warnings = campaign.channels().stream().filter(c -> !recipients.configured(c))
                .map(c -> c + " is not configured here (" + (c == NoticeChannel.SMS ? "loket.twilio.*" : "loket.mail.from, spring.mail.*")
                        + "): messages on it will fail.")
                .toList();
        return new DryRun(wouldSend, skipped, preview, segments, warnings);
    }

    void start(String id) {
        Campaign campaign = existing(id);
        if (campaign.status() != CampaignStatus.DRAFT) {
            throw new CampaignNotStartableException(campaign.status());
        }
        audienceOf(campaign);
        store.save(campaign.started(OffsetDateTime.now(clock)));
        store.markRunning(id);
    }

    Status status(String id) {
        return statusOf(existing(id));
    }

    List<Status> all() {
        return store.all().stream().map(this::statusOf).toList();
    }

    Optional<Campaign> campaign(String id) {
        return store.find(id);
    }

    private Status statusOf(Campaign c) {
        Map<Outcome, Long> counts = store.counts(c.id());
        Map<String, Long> skippedBy = new LinkedHashMap<>();
        skippedBy.put("optedOut", counts.get(Outcome.OPTED_OUT));
        skippedBy.put("noAddress", counts.get(Outcome.NO_ADDRESS));
        skippedBy.put("invalid", counts.get(Outcome.INVALID));
        long skipped = skippedBy.values().stream().mapToLong(Long::longValue).sum();
        return new Status(c.id(), c.name(), c.status().name(), counts.get(Outcome.SENT), counts.get(Outcome.FAILED),
                skipped, skippedBy, c.audienceSize(), c.sendWindow().isOpen(ZonedDateTime.now(clock)), c.startedAt(), c.finishedAt(), c.outcomesKeptUntil(), c.note());
    }

    static String skipKey(Outcome outcome) {
        return switch (outcome) {
            case OPTED_OUT -> "optedOut";
            case NO_ADDRESS -> "noAddress";
            default -> "invalid";
        };
    }

    private AudienceCsv.Audience audienceOf(Campaign campaign) {
        String csv = store.audience(campaign.id()).orElseThrow(() -> new AudienceGoneException(campaign.status()));
        return AudienceCsv.parse(csv, properties.maxAudience());
    }

    private Campaign existing(String id) {
        return store.find(id).orElseThrow(CampaignNotFoundException::new);
    }

    /** No campaign with this id. */
    static final class CampaignNotFoundException extends ProblemException {
        CampaignNotFoundException() {
            super(404, "Campaign not found", "id", "There is no campaign with this id.");
        }
    }

    /** Started, finished or stopped campaigns cannot start again: a campaign sends once. */
    static final class CampaignNotStartableException extends ProblemException {
        CampaignNotStartableException(CampaignStatus status) {
            super(409, "Campaign already started", "id", "The campaign is " + status + "; a campaign is started once.");
        }
    }

    /** The audience file is deleted once sending ends (or its safety TTL passed). */
    static final class AudienceGoneException extends ProblemException {
        AudienceGoneException(CampaignStatus status) {
            super(409, "Audience file gone", "audienceCsv", "The audience file is no longer kept (campaign "
                    + status + "); only counts and outcomes remain.");
        }
    }
}
