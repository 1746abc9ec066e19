package nl.loket.platform;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's own error page, for the few requests Tomcat refuses before Spring sees them (a NUL byte or
 * other forbidden escape in the URL): problem+json instead of an HTML page naming the server.
 * Public with a no-argument constructor because Tomcat creates it from its class name, outside Spring: so it writes its
 * small fixed JSON itself instead of through {@link ProblemWriter}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                String title = status >= 500 ? "Internal error" : "Bad Request";
                String detail = status >= 500 ? "Something went wrong on our side. Please try again later."
                        : "The request could not be read.";
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone; nothing left to tell it
        }
    }
}
