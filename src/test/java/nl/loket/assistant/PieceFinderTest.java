package nl.loket.assistant;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** One pass over a text finds exactly the pieces {@code String.contains} finds, overlapping and nested ones too. */
class PieceFinderTest {

    @Test
    void findsOverlappingNestedAndRepeatedPieces() {
        PieceFinder finder = new PieceFinder(List.of("he", "she", "his", "hers", "niet meer", "meer", "e"));

        assertThat(finder.in("ushers")).isEqualTo(bits(0, 1, 3, 6));
        assertThat(finder.in("ik wil niet meer")).isEqualTo(bits(4, 5, 6));
        assertThat(finder.in("")).isEqualTo(new BitSet());
        assertThat(finder.in("xyz")).isEqualTo(new BitSet());
    }

    @Test
    void agreesWithContainsOnRandomTexts() {
        Random random = new Random(20261207);
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pieces.add(randomText(random, 1 + random.nextInt(5)));
        }
        PieceFinder finder = new PieceFinder(pieces);
        for (int t = 0; t < 2000; t++) {
            String text = randomText(random, random.nextInt(60));
            BitSet expected = new BitSet();
            for (int id = 0; id < pieces.size(); id++) {
                if (text.contains(pieces.get(id))) {
                    expected.set(id);
                }
            }
            assertThat(finder.in(text)).as(text).isEqualTo(expected);
        }
    }

    // Four letters and a space: short texts then share many pieces, overlaps included.
    private static String randomText(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append("abcd ".charAt(random.nextInt(5)));
        }
        return out.toString();
    }

    private static BitSet bits(int... ids) {
        BitSet out = new BitSet();
        for (int id : ids) {
            out.set(id);
        }
        return out;
    }
}
