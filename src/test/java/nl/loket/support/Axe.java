package nl.loket.support;

import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** axe-core (from the test resources, nothing downloaded) on the page a browser test has open. */
public final class Axe {

    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {
    }

    /** The WCAG 2.0/2.1 A and AA findings as JSON: {@code {"violations":[…],"passes":n}}. */
    public static String run(JavascriptExecutor driver) {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            driver.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                  .then(r => done(JSON.stringify({violations: r.violations.map(v => ({id: v.id, impact: v.impact,
                      nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})),
                      passes: r.passes.length})))
                  .catch(e => done(JSON.stringify({error: String(e)})));
                """, WCAG_TAGS);
    }
}
