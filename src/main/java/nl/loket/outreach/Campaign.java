package nl.loket.outreach;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A campaign as stored: what it says (a template per language), on what legal basis, how (channel
 * order, window, rate) and how far it got. The audience file is stored apart and deleted when done.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Campaign(
        String id,
        String name,
        String purpose,
        Map<String, String> template,
        List<NoticeChannel> channels,
        SendWindow sendWindow,
        int ratePerMinute,
        CampaignStatus status,
        int audienceSize,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        OffsetDateTime outcomesKeptUntil,
        String note) {

    Campaign started(OffsetDateTime at) {
        return new Campaign(id, name, purpose, template, channels, sendWindow, ratePerMinute, CampaignStatus.RUNNING,
                audienceSize, createdBy, createdAt, at, null, null, null);
    }

    Campaign finished(CampaignStatus end, OffsetDateTime at, OffsetDateTime keptUntil, String why) {
        return new Campaign(id, name, purpose, template, channels, sendWindow, ratePerMinute, end, audienceSize,
                createdBy, createdAt, startedAt, at, keptUntil, why);
    }

    String templateFor(String language) {
        String text = template.get(language);
        return text == null || text.isBlank() ? template.get("nl") : text;
    }
}
