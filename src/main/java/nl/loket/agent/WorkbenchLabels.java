package nl.loket.agent;

import nl.loket.contact.Resolution;
import nl.loket.contact.DeliveryStatus;
import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ConversationState;
import nl.loket.contact.EscalationReason;
import nl.loket.contact.Outcome;
import nl.loket.contact.Priority;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The Dutch words the workbench shows for codes; the codes themselves stay in the data. */
final class WorkbenchLabels {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

    /** Resolution codes in the order of the close form, with their labels. */
    static final Map<String, String> RESOLUTIONS = resolutions();

    private WorkbenchLabels() { }

    static String priority(Priority p) {
        return switch (p) {
            case URGENT -> "Spoed";
            case HIGH -> "Hoog";
            case NORMAL -> "Normaal";
        };
    }

    static String reason(EscalationReason r) {
        if (r == null) {
            return "Onbekend";
        }
        return switch (r) {
            case CRISIS -> "Crisis";
            case COMPLAINT -> "Klacht";
            case CASE_SPECIFIC -> "Eigen zaak";
            case HUMAN_REQUESTED -> "Wil een medewerker";
            case UNSAFE_INPUT -> "Niet veilig te beantwoorden";
            case NO_ANSWER -> "Geen antwoord in kennisbank";
            case COMPLEX -> "Ingewikkelde vraag";
            case LANGUAGE -> "Andere taal";
        };
    }

    static String channel(Channel c) {
        if (c == null) {
            return "Onbekend";
        }
        return switch (c) {
            case CHAT -> "Chat";
            case WEBFORM -> "Contactformulier";
            case SMS -> "Sms";
            case PHONE -> "Telefoon";
        };
    }

    /** A decorative symbol beside the channel's text label (hidden from screen readers). */
    static String channelIcon(Channel c) {
        if (c == null) {
            return "•";
        }
        return switch (c) {
            case CHAT -> "❝";
            case WEBFORM -> "✉";
            case SMS -> "✆";
            case PHONE -> "☎";
        };
    }

    static String relay(String relay) {
        if (relay == null || relay.isBlank()) {
            return "Geen";
        }
        return "TOLKCONTACT".equalsIgnoreCase(relay) ? "Tolkcontact" : relay;
    }

    static String language(String code) {
        if (code == null || code.isBlank()) {
            return "Nederlands";
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "nl" -> "Nederlands";
            case "en" -> "Engels";
            default -> code;
        };
    }

    static String author(AuthorRole role) {
        if (role == null) {
            return "Onbekend";
        }
        return switch (role) {
            case RESIDENT -> "Inwoner";
            case ASSISTANT -> "Assistent";
            case AGENT -> "Medewerker";
            case INTERPRETER -> "Tolk";
            case SYSTEM -> "Systeem";
        };
    }

    static String delivery(DeliveryStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case PENDING -> "Wordt verstuurd";
            case SENT -> "Verstuurd";
            case DELIVERED -> "Afgeleverd";
            case UNDELIVERED -> "Niet afgeleverd: kies een andere manier";
            case FAILED -> "Mislukt";
            case CALLBACK -> "Terugbellen";
        };
    }

    static String outcome(Outcome o) {
        if (o == null) {
            return "Geen";
        }
        return switch (o) {
            case ANSWERED -> "Beantwoord door assistent";
            case ESCALATED -> "Naar medewerker";
            case CLARIFY -> "Vraag terug gesteld";
        };
    }

    static String state(ConversationState s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case BOT -> "Bij assistent";
            case WAITING -> "Wacht op medewerker";
            case WITH_AGENT -> "Bij medewerker";
            case CLOSED -> "Afgesloten";
        };
    }

    static String resolution(Resolution r) {
        return r == null ? null : RESOLUTIONS.get(r.name());
    }

    static String waiting(OffsetDateTime since, OffsetDateTime now) {
        long minutes = Math.max(0, Duration.between(since, now).toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        return (minutes / 60) + " u " + (minutes % 60) + " min";
    }

    /** A wait or a target in words: "45 min", "3 uur 5 min", "2 dagen 4 uur". */
    static String duration(long minutes) {
        if (minutes < 60) {
            return Math.max(0, minutes) + " min";
        }
        if (minutes < 24 * 60) {
            return (minutes / 60) + " uur" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + " min");
        }
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        return days + (days == 1 ? " dag" : " dagen") + (hours == 0 ? "" : " " + hours + " uur");
    }

    static String time(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(ZONE).format(TIME);
    }

    static String date(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(ZONE).format(DATE);
    }

    /**
     * A planned call-back as the queue and the task page show it: "Terugbellen om 10:30" today, with the date on
     * another day; through the relay for a Tolkcontact resident.
     */
    static String callback(OffsetDateTime at, String relay, OffsetDateTime now) {
        if (at == null) {
            return null;
        }
        boolean today = at.atZoneSameInstant(ZONE).toLocalDate().equals(now.atZoneSameInstant(ZONE).toLocalDate());
        String when = today ? "om " + time(at) : "op " + date(at) + " om " + time(at);
        return "TOLKCONTACT".equalsIgnoreCase(relay) ? "Bel terug via Tolkcontact " + when : "Terugbellen " + when;
    }

    static String dateTime(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(ZONE).format(DATE_TIME);
    }

    private static Map<String, String> resolutions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Resolution.ANSWERED.name(), "Beantwoord");
        m.put(Resolution.REFERRED.name(), "Doorverwezen");
        m.put(Resolution.COMPLAINT_HANDLED_INFORMALLY.name(), "Klacht informeel afgehandeld");
        m.put(Resolution.CALLBACK_DONE.name(), "Teruggebeld");
        m.put(Resolution.NO_RESPONSE.name(), "Geen reactie");
        m.put(Resolution.OTHER.name(), "Anders");
        return java.util.Collections.unmodifiableMap(m);
    }
}
