package nl.loket.assistant;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of many fixed pieces of text occur in a text, in one pass over it (Aho-Corasick): the phrase lists rule out
 * most of their entries by the pieces each needs, and looking for every piece with its own {@code String.contains}
 * cost a scan of the message per piece. Linear in the text whatever the pieces are, so safe on any resident input.
 */
final class PieceFinder {

    private final List<Map<Character, Integer>> next = new ArrayList<>();
    private final List<int[]> found = new ArrayList<>();
    private final int[] fallBack;
    private final int pieces;

    /** @param pieces the pieces; a piece's id is its position in this list */
    PieceFinder(List<String> pieces) {
        this.pieces = pieces.size();
        newState();
        for (int id = 0; id < pieces.size(); id++) {
            int state = 0;
            for (char c : pieces.get(id).toCharArray()) {
                Integer to = next.get(state).get(c);
                if (to == null) {
                    to = newState();
                    next.get(state).put(c, to);
                }
                state = to;
            }
            found.set(state, append(found.get(state), id));
        }
        fallBack = new int[next.size()];
        // Breadth first: a state falls back to the longest proper suffix of its text that is also a state, and finds
        // what that state finds too.
        ArrayDeque<Integer> queue = new ArrayDeque<>(next.get(0).values());
        while (!queue.isEmpty()) {
            int state = queue.poll();
            for (Map.Entry<Character, Integer> edge : next.get(state).entrySet()) {
                int child = edge.getValue();
                int back = fallBack[state];
                while (back != 0 && !next.get(back).containsKey(edge.getKey())) {
                    back = fallBack[back];
                }
                Integer to = next.get(back).get(edge.getKey());
                fallBack[child] = to == null || to == child ? 0 : to;
                int[] inherited = found.get(fallBack[child]);
                for (int id : inherited) {
                    found.set(child, append(found.get(child), id));
                }
                queue.add(child);
            }
        }
    }

    /** The ids of the pieces that occur in the text. */
    BitSet in(String text) {
        BitSet present = new BitSet(pieces);
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (state != 0 && !next.get(state).containsKey(c)) {
                state = fallBack[state];
            }
            state = next.get(state).getOrDefault(c, 0);
            for (int id : found.get(state)) {
                present.set(id);
            }
        }
        return present;
    }

    private int newState() {
        next.add(new HashMap<>());
        found.add(new int[0]);
        return next.size() - 1;
    }

    private static int[] append(int[] ids, int id) {
        for (int existing : ids) {
            if (existing == id) {
                return ids;
            }
        }
        int[] out = java.util.Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = id;
        return out;
    }
}
