package nl.loket.outreach;

import nl.loket.contact.CampaignLinks;
import nl.loket.contact.DeliveryResult;
import nl.loket.contact.NoticeSender;
import nl.loket.platform.RedisKeys;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps of {@code routes/outreach.yaml}. Each poll takes the next batch of a running campaign whose
 * window is open; the route throttles; {@link #send} handles one resident: window still open, claim the
 * address ({@code SET NX}, so no second message ever, also after a restart or on another instance), opt-out
 * checked at that moment, SMS or e-mail through the contact module's port, outcome recorded. When the last
 * line is done the audience file is deleted and only counts and outcomes (with their deadline) stay.
 */
@Component("outreachSending")
class OutreachSending {

    static final String CAMPAIGN_HEADER = "loketCampaignId";
    static final String RATE_HEADER = "loketRatePerMinute";

    private static final Logger log = LoggerFactory.getLogger(OutreachSending.class);

    /** One resident of one campaign, as the route carries it. */
    record Job(Campaign campaign, int index, AudienceCsv.Row row) { }

    private final CampaignStore store;
    private final Recipients recipients;
    private final CampaignLinks links;
    private final OutreachProperties properties;
    private final Clock clock;

    OutreachSending(CampaignStore store, Recipients recipients, CampaignLinks links, OutreachProperties properties,
                    Clock clock) {
        this.store = store;
        this.recipients = recipients;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The next jobs (maybe none), the route's new body.
     *
     * @param headers the message's headers (Camel binds the map itself): the campaign and its rate go there, for the
     *                route's throttle
     */
    public List<Job> nextBatch(@Headers Map<String, Object> headers) {
        List<Job> jobs = new ArrayList<>();
        ZonedDateTime now = ZonedDateTime.now(clock);
        Optional<Campaign> next = store.running().stream()
                .sorted(Comparator.comparing(Campaign::startedAt))
                .filter(c -> c.sendWindow().isOpen(now))
                .findFirst();
        if (next.isPresent()) {
            Campaign campaign = next.get();
            Optional<String> csv = store.audience(campaign.id());
            if (csv.isEmpty()) {
                finish(campaign, CampaignStatus.STOPPED, "The audience file expired before sending ended.");
            } else {
                List<AudienceCsv.Row> rows = AudienceCsv.parse(csv.get(), properties.maxAudience()).rows();
                int from = store.cursor(campaign.id());
                if (from >= rows.size()) {
                    finish(campaign, CampaignStatus.DONE, null);
                } else {
                    for (int i = from; i < Math.min(rows.size(), from + batchSize(campaign)); i++) {
                        jobs.add(new Job(campaign, i, rows.get(i)));
                    }
                    headers.put(CAMPAIGN_HEADER, campaign.id());
                    headers.put(RATE_HEADER, campaign.ratePerMinute());
                }
            }
        }
        return jobs;
    }

    /** Handles one resident; never throws, so one bad line cannot stop a campaign. */
    public void send(Job job) {
        Campaign campaign = job.campaign();
        if (!campaign.sendWindow().isOpen(ZonedDateTime.now(clock))) {
            return; // the window closed during the batch: this one and the rest wait for the next opening
        }
        try {
            Recipients.Plan plan = recipients.plan(campaign, job.row());
            String claimed = plan.address() != null ? plan.address().kind() + ":" + plan.address().value()
                    : "reference:" + job.row().reference();
            Optional<String> first = store.claim(campaign.id(), claimed, job.row().reference(), keep());
            if (first.isPresent()) {
                // Handled before: this line after a restart (nothing to do), or an earlier line with the same
                // address: this one is skipped as invalid, once (its reference is claimed for that).
                boolean sameLine = first.get().equals(RedisKeys.hashed(job.row().reference()));
                if (!sameLine && store.claim(campaign.id(), "reference:" + job.row().reference(), job.row().reference(),
                        keep()).isEmpty()) {
                    store.record(campaign.id(), job.row().reference(), Outcome.INVALID, null, OffsetDateTime.now(clock));
                }
                store.advanceCursor(campaign.id(), job.index() + 1);
                return;
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!plan.sends()) {
                store.record(campaign.id(), job.row().reference(), plan.skip(), null, now);
            } else {
                NoticeSender sender = recipients.sender(plan.channel()).orElseThrow();
                String text = recipients.message(campaign, job.row(), plan.channel(), plan.address());
                DeliveryResult result = sender.send(plan.address(), campaign.name(), text);
                boolean sent = result.status() == DeliveryResult.Status.SENT;
                store.record(campaign.id(), job.row().reference(), sent ? Outcome.SENT : Outcome.FAILED,
                        plan.channel().name(), now);
                if (sent && plan.channel() == NoticeChannel.SMS) {
                    links.remember(plan.address(), "Reactie op campagne: " + campaign.name(),
                            recipients.language(campaign, job.row()), Duration.ofDays(properties.replyLinkDays()));
                }
                if (!sent) {
                    log.warn("Campaign {} line {}: not delivered by {}: {}", campaign.id(), job.row().line(),
                            plan.channel(), result.detail());
                }
            }
        } catch (RuntimeException e) {
            log.error("Campaign {} line {}: {}", campaign.id(), job.row().line(), e.getClass().getSimpleName());
            store.record(campaign.id(), job.row().reference(), Outcome.FAILED, null, OffsetDateTime.now(clock));
        }
        store.advanceCursor(campaign.id(), job.index() + 1);
    }

    /** At least what the rate allows between two polls, so polling never holds a campaign below its rate. */
    private int batchSize(Campaign campaign) {
        long perPoll = campaign.ratePerMinute() * properties.pollInterval().toMillis()
                / Math.max(1, properties.ratePeriod().toMillis()) + 1;
        return (int) Math.min(10_000, Math.max(properties.batchSize(), perPoll));
    }

    private void finish(Campaign campaign, CampaignStatus end, String why) {
        if (!store.takeOutOfRunning(campaign.id())) {
            return; // another instance finished it a moment ago
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration keep = Duration.ofDays(properties.outcomeDays());
        store.closeOut(campaign.id(), keep);
        store.save(campaign.finished(end, now, now.plus(keep), why));
        log.info("Campaign {} {}", campaign.id(), end);
    }

    /** Claims live as long as the outcomes, and at least as long as a campaign can run. */
    private Duration keep() {
        Duration outcomes = Duration.ofDays(properties.outcomeDays());
        return outcomes.compareTo(properties.audienceTtl()) > 0 ? outcomes.plus(properties.audienceTtl())
                : properties.audienceTtl().plus(outcomes);
    }
}
