package nl.loket.knowledge;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which published articles' source links a run checks, and in which order. */
class SourceLinksTest {

    static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    static final Duration DAY = Duration.ofHours(24);

    static Article article(String topic, String source) {
        return new Article("nl-" + topic, topic, "nl", "Titel", "Samenvatting.", "", source, null, List.of(), List.of(),
                List.of(), false);
    }

    static SourceCheck checked(String url, Instant at) {
        return new SourceCheck(url, SourceCheck.Result.OK, 200, null, at);
    }

    @Test
    void aLinkCheckedWithinTheIntervalIsLeftAloneAndOneCheckedLongerAgoIsDue() {
        Article fresh = article("paspoort", "https://www.nijmegen.nl/paspoort/");
        Article stale = article("grofvuil", "https://www.nijmegen.nl/grofvuil/");
        Map<String, SourceCheck> last = Map.of(
                fresh.id(), checked(fresh.source(), NOW.minus(Duration.ofHours(23))),
                stale.id(), checked(stale.source(), NOW.minus(DAY)));

        assertThat(SourceLinks.due(List.of(fresh, stale), last, NOW, DAY)).containsExactly(stale);
    }

    @Test
    void aNeverCheckedLinkComesFirstThenTheOldestCheck() {
        Article never = article("afval", "https://www.nijmegen.nl/afval/");
        Article older = article("paspoort", "https://www.nijmegen.nl/paspoort/");
        Article old = article("grofvuil", "https://www.nijmegen.nl/grofvuil/");
        Map<String, SourceCheck> last = Map.of(
                old.id(), checked(old.source(), NOW.minus(Duration.ofDays(2))),
                older.id(), checked(older.source(), NOW.minus(Duration.ofDays(5))));

        assertThat(SourceLinks.due(List.of(old, older, never), last, NOW, DAY)).containsExactly(never, older, old);
    }

    @Test
    void aLinkTheEditorsChangedSinceItsLastCheckIsDueAtOnce() {
        Article moved = article("paspoort", "https://www.nijmegen.nl/diensten/paspoort/");
        Map<String, SourceCheck> last = Map.of(moved.id(), checked("https://www.nijmegen.nl/paspoort/", NOW.minusSeconds(60)));

        assertThat(SourceLinks.due(List.of(moved), last, NOW, DAY)).containsExactly(moved);
    }
}
