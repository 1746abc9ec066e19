package nl.loket.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failures that happen before any Loket code runs (an unknown address, a method a route does not take,
 * a URL the firewall refuses, a body the servlet container cannot parse) are answered in the same
 * problem+json shape as Loket's own refusals, never as a container page or a stack trace. Browsers asking
 * for HTML still get Spring Boot's error page.
 */
@Configuration(proxyBeanMethods = false)
class ErrorResponses {

    /** Spring Boot's error controller, with problem+json instead of its own JSON shape. */
    static final class ProblemErrorController extends BasicErrorController {

        ProblemErrorController(ErrorAttributes attributes, WebProperties web, java.util.List<ErrorViewResolver> resolvers) {
            super(attributes, web.getError(), resolvers);
        }

        @Override
        public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
            HttpStatus status = getStatus(request);
            if (status == HttpStatus.NO_CONTENT) {
                return new ResponseEntity<>(status);
            }
            Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
            Problem problem = Problem.of(status.value(), status.getReasonPhrase(), detail(status), uri == null ? null : uri.toString());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.type());
            body.put("title", problem.title());
            body.put("status", problem.status());
            body.put("detail", problem.detail());
            if (problem.instance() != null) {
                body.put("instance", problem.instance());
            }
            return ResponseEntity.status(status).contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE)).body(body);
        }

        private static String detail(HttpStatus status) {
            return switch (status.value()) {
                case 400 -> "The request could not be read.";
                case 401 -> "Log in first.";
                case 403 -> "This is not allowed.";
                case 404 -> "There is nothing at this address.";
                case 405 -> "This address does not take this method.";
                case 413 -> "The request is too large.";
                case 415 -> "Send JSON (application/json) or a form (application/x-www-form-urlencoded), in UTF-8.";
                default -> status.is5xxServerError() ? "Something went wrong on our side. Please try again later."
                        : status.getReasonPhrase() + ".";
            };
        }
    }

    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes attributes, WebProperties web,
                                                  ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(attributes, web, resolvers.orderedStream().toList());
    }

    /** A URL Spring Security's firewall refuses (encoded slashes, backslashes, control characters): a 400 problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(response, Problem.of(400, "Bad Request",
                "The address of this request is not allowed.", null));
    }

    /**
     * Let an encoded slash ({@code %2F}) reach the application, where the firewall above refuses it with a
     * problem; Tomcat itself would answer with an HTML page.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }

    /** What Tomcat still refuses itself (e.g. {@code %00} in the path) is answered by {@link ProblemErrorReportValve}. */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }
}
