package nl.loket.insight;

import java.util.Map;

/** Dutch names for the codes on the dashboard; an unknown code is shown as it is. */
final class DashboardLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("CHAT", "Chat"), Map.entry("WEBFORM", "Webformulier"), Map.entry("SMS", "Sms"),
            Map.entry("PHONE", "Telefoon"),
            Map.entry("CRISIS", "Crisis"), Map.entry("COMPLAINT", "Klacht"), Map.entry("CASE_SPECIFIC", "Eigen zaak"),
            Map.entry("HUMAN_REQUESTED", "Wil een medewerker"), Map.entry("UNSAFE_INPUT", "Onveilige invoer"),
            Map.entry("NO_ANSWER", "Geen antwoord"), Map.entry("COMPLEX", "Ingewikkeld"), Map.entry("LANGUAGE", "Taal"),
            Map.entry("ANSWERED", "Beantwoord"), Map.entry("REFERRED", "Doorverwezen"),
            Map.entry("COMPLAINT_HANDLED_INFORMALLY", "Klacht informeel afgehandeld"),
            Map.entry("CALLBACK_DONE", "Teruggebeld"), Map.entry("NO_RESPONSE", "Geen reactie"),
            Map.entry("OTHER", "Anders"),
            Map.entry("nl", "Nederlands"), Map.entry("en", "Engels"), Map.entry("tr", "Turks"), Map.entry("ar", "Arabisch"),
            Map.entry("pl", "Pools"), Map.entry("de", "Duits"), Map.entry("uk", "Oekraïens"));

    private DashboardLabels() { }

    static String of(String code) {
        return code == null ? "" : LABELS.getOrDefault(code, code);
    }
}
