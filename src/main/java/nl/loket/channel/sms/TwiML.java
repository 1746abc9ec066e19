package nl.loket.channel.sms;

/** Small TwiML writer: every text is XML-escaped, so nothing a resident or agent writes becomes markup. */
public final class TwiML {

    public static final String CONTENT_TYPE = "application/xml; charset=UTF-8";

    private TwiML() { }

    public static String message(String text) {
        if (text == null || text.isBlank()) {
            return response("");
        }
        return response("<Message>" + escape(text) + "</Message>");
    }

    public static String response(String verbs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>";
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
