package nl.loket.knowledge;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Emits each token and then, at the same position, the parts the {@link Decompounder} finds in it. */
final class DecompoundFilter extends TokenFilter {

    private final Decompounder decompounder;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State current;

    DecompoundFilter(TokenStream input, Decompounder decompounder) {
        super(input);
        this.decompounder = decompounder;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(pending.poll());
            posInc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        Decompounder.Split split = decompounder.split(term.toString());
        if (!split.parts().isEmpty()) {
            pending.addAll(split.parts());
            current = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        current = null;
    }
}
