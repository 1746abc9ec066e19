package nl.loket.knowledge;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;

/** The knowledge base shipped at {@code classpath:knowledge}, loaded once for the tests that need it. */
final class ShippedKnowledgeBase {

    private static KnowledgeBase kb;

    private ShippedKnowledgeBase() {
    }

    static boolean present() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath*:knowledge/**/*.md").length > 0;
        } catch (IOException e) {
            return false;
        }
    }

    static synchronized KnowledgeBase get() {
        if (kb == null) {
            kb = KnowledgeBase.load(KnowledgeProperties.DEFAULT_LOCATION);
        }
        return kb;
    }
}
