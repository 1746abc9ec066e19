package nl.loket.insight;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The indicators as CSV (RFC 4180), one figure per line: {@code section,channel,item,value}. Redacted
 * example questions are included, so every text cell is quoted and a formula start is neutralised (see
 * {@link #cell}); numbers stay bare so a spreadsheet reads them as numbers.
 */
final class IndicatorsCsv {

    private IndicatorsCsv() { }

    static String of(Indicators i) {
        StringBuilder out = new StringBuilder("section,channel,item,value\r\n");
        line(out, "period", "", "from", i.from());
        line(out, "period", "", "to", i.to());
        line(out, "volume", "ALL", "contacts", i.contacts());
        line(out, "volume", "ALL", "messages", i.messages());
        line(out, "volume", "ALL", "answeredByAssistant", i.answeredByAssistant());
        line(out, "volume", "ALL", "answeredShare", i.answeredShare());
        line(out, "volume", "ALL", "clarified", i.clarified());
        line(out, "volume", "ALL", "handedOff", i.handedOff());
        line(out, "volume", "ALL", "handedOffShare", i.handedOffShare());
        line(out, "volume", "ALL", "relayContacts", i.relayContacts());
        line(out, "volume", "ALL", "relayShare", i.relayShare());
        line(out, "articles", "", "published", i.articles().published());
        line(out, "articles", "", "pastReview", i.articles().pastReview());
        line(out, "articles", "", "brokenSource", i.articles().brokenSource());
        line(out, "articles", "", "uncheckedSource", i.articles().uncheckedSource());
        map(out, "handoffReason", i.byReason());
        map(out, "language", i.languages());
        map(out, "topic", i.byTopic());
        i.byChannel().forEach((channel, c) -> {
            line(out, "channel", channel, "contacts", c.contacts());
            line(out, "channel", channel, "messages", c.messages());
            line(out, "channel", channel, "answeredByAssistant", c.answeredByAssistant());
            line(out, "channel", channel, "handedOff", c.handedOff());
            line(out, "channel", channel, "relayContacts", c.relayContacts());
            durations(out, channel, "firstReplySeconds", c.firstReplySeconds());
            durations(out, channel, "queueWaitSeconds", c.queueWaitSeconds());
            line(out, "channel", channel, "firstReplyTarget", c.firstReplyTarget().target());
            line(out, "channel", channel, "firstReplyTargetMet", c.firstReplyTarget().met());
            line(out, "channel", channel, "firstReplyTargetMissed", c.firstReplyTarget().missed());
            line(out, "channel", channel, "firstReplyTargetShare", c.firstReplyTarget().share());
        });
        durations(out, "ALL", "assistantReplySeconds", i.assistantReplySeconds());
        durations(out, "ALL", "firstReplySeconds", i.firstReplySeconds());
        durations(out, "ALL", "queueWaitSeconds", i.queueWaitSeconds());
        durations(out, "ALL", "closeSeconds", i.closeSeconds());
        map(out, "resolution", i.resolutions());
        line(out, "outcome", "ALL", "notHelped", i.notHelped());
        line(out, "satisfaction", "ALL", "average", i.satisfaction().average());
        line(out, "satisfaction", "ALL", "responses", i.satisfaction().responses());
        line(out, "satisfaction", "ALL", "responseRate", i.satisfaction().responseRate());
        line(out, "complaints", "ALL", "received", i.complaints().received());
        line(out, "complaints", "ALL", "handledInformally", i.complaints().handledInformally());
        line(out, "complaints", "ALL", "informalShare", i.complaints().informalShare());
        for (Indicators.KnowledgeGap gap : i.knowledgeGaps()) {
            line(out, "knowledgeGap", "ALL", gap.term() + ": " + gap.example(), gap.count());
        }
        for (Indicators.ArticleNotHelped a : i.notHelpedArticles()) {
            line(out, "articleNotHelped", "ALL", a.articleId() + " answers", a.answers());
            line(out, "articleNotHelped", "ALL", a.articleId() + " notHelped", a.notHelped());
        }
        periods(out, "day", i.byDay());
        periods(out, "week", i.byWeek());
        return out.toString();
    }

    private static void periods(StringBuilder out, String kind, List<Indicators.Period> periods) {
        for (Indicators.Period p : periods) {
            line(out, kind, "ALL", p.period() + " contacts", p.contacts());
            line(out, kind, "ALL", p.period() + " messages", p.messages());
            line(out, kind, "ALL", p.period() + " answeredByAssistant", p.answeredByAssistant());
            line(out, kind, "ALL", p.period() + " handedOff", p.handedOff());
        }
    }

    private static void durations(StringBuilder out, String channel, String name, Indicators.Durations d) {
        line(out, "speed", channel, name + ".median", d.median());
        line(out, "speed", channel, name + ".p90", d.p90());
        line(out, "speed", channel, name + ".count", d.count());
    }

    private static void map(StringBuilder out, String section, Map<String, Long> values) {
        values.forEach((k, v) -> line(out, section, "ALL", k, v));
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}+(?:\\.\\d{1,30}+)?+");
    // Bounded whitespace: linear on any text (see ResidentTextPatternsWorstCaseIT).
    private static final Pattern FORMULA_AFTER_SEPARATOR = Pattern.compile("([;,][ \\t]{0,10}+)([=+\\-@\\t\\r])");

    private static void line(StringBuilder out, String section, String channel, String item, Object value) {
        out.append(cell(section)).append(',').append(cell(channel)).append(',').append(cell(item)).append(',')
                .append(cell(value == null ? "" : String.valueOf(value))).append("\r\n");
    }

    /**
     * A number stays a bare number; every other cell is quoted, so a spreadsheet that splits on ';' (Dutch Excel)
     * or ',' keeps it one cell. A formula start at the beginning, or after a ';' or ',' inside the text (a
     * spreadsheet that ignores the quotes would start a new cell there), gets a leading apostrophe.
     */
    static String cell(String value) {
        if (NUMBER.matcher(value).matches()) {
            return value;
        }
        String v = FORMULA_AFTER_SEPARATOR.matcher(value).replaceAll("$1'$2");
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
