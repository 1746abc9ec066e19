package nl.loket.outreach;

import nl.loket.platform.InvalidRequestException;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A new campaign as the supervisor gives it (API JSON or the page's form), checked field by field.
 * Missing window or channels take the defaults: SMS then e-mail, within the allowed hours and days.
 */
record CampaignRequest(String name, String purpose, Map<String, String> template, List<NoticeChannel> channels,
                       SendWindow sendWindow, int ratePerMinute, String audienceCsv) {

    static final int MAX_RATE = 6000;

    static CampaignRequest fromJson(JsonNode body) {
        JsonNode template = body.path("template");
        if (!template.isObject()) {
            throw new InvalidRequestException("template", "'template' must be an object with 'nl' (and 'en').");
        }
        List<String> channels = new ArrayList<>();
        JsonNode channelNode = body.path("channels");
        if (channelNode.isArray()) {
            for (int i = 0; i < channelNode.size(); i++) {
                channels.add(channelNode.get(i).asString());
            }
        } else if (!channelNode.isMissingNode() && !channelNode.isNull()) {
            throw new InvalidRequestException("channels", "'channels' must be a list such as [\"SMS\",\"EMAIL\"].");
        }
        JsonNode window = body.path("sendWindow");
        List<String> days = new ArrayList<>();
        if (window.path("days").isArray()) {
            for (int i = 0; i < window.path("days").size(); i++) {
                days.add(window.path("days").get(i).asString());
            }
        }
        JsonNode rate = body.path("ratePerMinute");
        if (!rate.isMissingNode() && !rate.isIntegralNumber()) {
            throw new InvalidRequestException("ratePerMinute", "'ratePerMinute' must be a whole number.");
        }
        return of(text(body, "name"), text(body, "purpose"), text(template, "nl"), text(template, "en"), channels,
                window.isObject() ? text(window, "from") : null, window.isObject() ? text(window, "to") : null,
                days, rate.isMissingNode() ? null : rate.asInt(), text(body, "audienceCsv"));
    }

    static CampaignRequest of(String name, String purpose, String templateNl, String templateEn, List<String> channelNames,
                              String from, String to, List<String> dayNames, Integer ratePerMinute, String audienceCsv) {
        require("name", name, 100);
        require("purpose", purpose, 1000);
        require("template.nl", templateNl, MessageTemplate.MAX_LENGTH);
        Map<String, String> template = new LinkedHashMap<>();
        template.put("nl", templateNl.strip());
        if (templateEn != null && !templateEn.isBlank()) {
            template.put("en", templateEn.strip());
        }
        List<NoticeChannel> channels = new ArrayList<>();
        for (String c : channelNames == null ? List.<String>of() : channelNames) {
            try {
                NoticeChannel channel = NoticeChannel.valueOf(c.strip().toUpperCase(Locale.ROOT).replace("-", ""));
                if (!channels.contains(channel)) {
                    channels.add(channel);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("channels", "'channels' knows SMS and EMAIL, not '" + c + "'.");
            }
        }
        if (channels.isEmpty()) {
            channels = List.of(NoticeChannel.SMS, NoticeChannel.EMAIL);
        }
        int rate = ratePerMinute == null ? 60 : ratePerMinute;
        if (rate < 1 || rate > MAX_RATE) {
            throw new InvalidRequestException("ratePerMinute", "'ratePerMinute' must be from 1 to " + MAX_RATE + ".");
        }
        if (audienceCsv == null || audienceCsv.isBlank()) {
            throw new InvalidRequestException(AudienceCsv.FIELD, "'audienceCsv' is required: a CSV with a header line.");
        }
        SendWindow window = (from == null || from.isBlank()) && (to == null || to.isBlank())
                && (dayNames == null || dayNames.isEmpty()) ? null
                : new SendWindow(time(from, "from"), time(to, "to"), days(dayNames));
        return new CampaignRequest(name.strip(), purpose.strip(), template, List.copyOf(channels), window, rate, audienceCsv);
    }

    /** The window within the municipality's limits: no night, no day that is not allowed. */
    SendWindow windowWithin(OutreachProperties limits) {
        if (sendWindow == null) {
            return new SendWindow(limits.earliest(), limits.latest(), limits.allowedDays());
        }
        SendWindow w = new SendWindow(sendWindow.from() == null ? limits.earliest() : sendWindow.from(),
                sendWindow.to() == null ? limits.latest() : sendWindow.to(),
                sendWindow.days().isEmpty() ? limits.allowedDays() : sendWindow.days());
        if (!w.from().isBefore(w.to())) {
            throw new InvalidRequestException("sendWindow", "sendWindow.from must be before sendWindow.to.");
        }
        if (w.from().isBefore(limits.earliest()) || w.to().isAfter(limits.latest())) {
            throw new InvalidRequestException("sendWindow", "No messages at night: the window must lie between "
                    + limits.earliest() + " and " + limits.latest() + ".");
        }
        Set<DayOfWeek> notAllowed = EnumSet.copyOf(w.days());
        notAllowed.removeAll(limits.allowedDays());
        if (!notAllowed.isEmpty()) {
            throw new InvalidRequestException("sendWindow", "sendWindow.days may not include " + notAllowed + ".");
        }
        return w;
    }

    private static LocalTime time(String value, String part) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("sendWindow", "sendWindow." + part + " must be a time such as 09:00.");
        }
    }

    private static Set<DayOfWeek> days(List<String> names) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String name : names == null ? List.<String>of() : names) {
            String n = name.strip().toUpperCase(Locale.ROOT);
            DayOfWeek day = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().equals(n) || d.name().startsWith(n) && n.length() >= 3) {
                    day = d;
                }
            }
            if (day == null) {
                throw new InvalidRequestException("sendWindow", "sendWindow.days: '" + name + "' is not a day (MONDAY … SATURDAY).");
            }
            out.add(day);
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static void require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "'" + field + "' is required.");
        }
        if (value.length() > max) {
            throw new InvalidRequestException(field, "'" + field + "' is longer than " + max + " characters.");
        }
    }
}
