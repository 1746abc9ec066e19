package nl.loket.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The text normalisation of one language, shared by the search index, the topic categorizer and the coverage check:
 * standard tokenizer, lowercase, ASCII folding, stop words, Snowball stemming (Dutch, or English Porter2), and
 * splitting of compound words against a dictionary made from the knowledge base itself.
 */
final class TextAnalysis {

    /** Fill words of residents' questions and greetings, on top of the Snowball stop lists. */
    /** Greetings, fillers of spoken and written messages, and letter formulas, in both languages' stop lists. */
    private static final List<String> FILLERS = List.of(
            "hallo", "hoi", "hey", "hi", "hello", "dag", "goedemorgen", "goedemiddag", "goedenavond", "goedendag", "goeiemorgen",
            "goeiemiddag", "goeienavond", "goeiedag", "geachte", "heer", "mevrouw", "beste", "groet", "groeten", "vriendelijke",
            "bedankt", "dank", "dankjewel", "alvast", "alstublieft", "alsjeblieft", "aub", "svp", "eh", "ehm", "uh", "uhm", "hm",
            "ja", "nee", "nou", "oke", "ok", "okay", "mn", "m'n", "zn", "z'n", "ff", "even", "gewoon", "allemaal", "helemaal",
            "eigenlijk", "precies", "misschien", "dear", "thanks", "thank", "please", "pls", "plz", "regards", "sincerely");
    /** Fill words of residents' questions, on top of the Snowball stop lists. */
    private static final List<String> EXTRA_NL_STOP = List.of(
            "waar", "wanneer", "welke", "welk", "hoeveel", "waarom", "graag", "mag", "mogen", "kun", "kunt", "jij", "jullie",
            "we", "wij", "gaan", "ga", "gaat", "willen", "wilt", "moeten", "zou", "zouden", "kunnen", "vraag", "vraagje",
            "iemand", "weet", "weten", "zeggen", "vertellen", "hier", "daar", "er", "wel", "ook", "nog", "al", "nu",
            "krijg", "krijgen", "doe", "doen", "dat", "dit", "die", "deze", "ik", "mij", "mijn", "me", "je", "jou", "jouw", "uw",
            "jullie", "hun", "ons", "onze", "zij", "ze", "hem", "haar", "we", "wie", "wat", "hoe",
            // pronominal adverbs: they point back into the question and name nothing themselves
            "daarmee", "daarvoor", "daarover", "daarvan", "daarbij", "daarna", "daarin", "daarop", "daaraan", "daarmede",
            "waarmee", "waarvoor", "waarover", "waarvan", "waarbij", "waarin", "waarop", "hiermee", "hiervoor", "hierover",
            "hiervan", "hierbij", "ermee", "ervoor", "erover", "ervan", "erbij", "erin", "erop", "eraan",
            // particles and reported speech of spoken messages ("mijn zoon zei dat ...", "ik heb net ...")
            "net", "zei", "zegt", "dus", "enzo");
    private static final List<String> EXTRA_EN_STOP = List.of(
            "can", "could", "would", "want", "wants", "like", "need", "needs", "get", "got", "will", "shall", "must", "may",
            "might", "also", "just", "know", "tell", "question", "anyone", "somebody", "someone", "im", "ive", "dont", "cant",
            "much", "many", "um", "umm", "erm", "er", "ah", "oh", "yeah", "said", "says");

    private static final CharArraySet NL_STOP = stopSet("dutch_stop.txt", EXTRA_NL_STOP, FILLERS);
    private static final CharArraySet EN_STOP = stopSet("english_stop.txt", EXTRA_EN_STOP, FILLERS);

    static final int MIN_COMPOUND_LENGTH = 7;
    static final int MIN_PART_LENGTH = 3;

    final String language;
    private final CharArraySet stopWords;
    private final Supplier<SnowballStemmer> stemmerFactory;
    private final ThreadLocal<SnowballStemmer> stemmer;
    private final Decompounder decompounder;

    /** Tokenizer and ASCII folding: words as written (case kept), stop words kept. */
    private final Analyzer words;
    /** The index analyzer of the plain fields: words without stop words, stemmed. */
    final Analyzer stemmed;
    /** The index analyzer of the compound field: stemmed words and, at the same position, their stemmed parts. */
    final Analyzer compound;

    /**
     * @param language   nl or en
     * @param dictionary lowercased, folded words of the knowledge base in this language, used to split compounds
     */
    TextAnalysis(String language, Collection<String> dictionary) {
        this.language = language;
        this.stopWords = "en".equals(language) ? EN_STOP : NL_STOP;
        this.stemmerFactory = "en".equals(language) ? EnglishStemmer::new : DutchStemmer::new;
        this.stemmer = ThreadLocal.withInitial(stemmerFactory);
        this.decompounder = new Decompounder(dictionary, stopWords);
        this.words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(source));
            }
        };
        this.stemmed = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                ts = new StopFilter(ts, stopWords);
                ts = new SnowballFilter(ts, stemmerFactory.get());
                return new TokenStreamComponents(source, ts);
            }
        };
        this.compound = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                ts = new StopFilter(ts, stopWords);
                ts = new DecompoundFilter(ts, decompounder);
                ts = new SnowballFilter(ts, stemmerFactory.get());
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** A word of a text: as written (accents folded) and lowercased. */
    record Token(String original, String word) {
        /** Written in capitals, like an abbreviation: "UWV", "CJIB". */
        boolean isAcronym() {
            if (original.length() < 2 || original.length() > 6) {
                return false;
            }
            for (int i = 0; i < original.length(); i++) {
                if (!Character.isUpperCase(original.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The words of the text, accent-folded, stop words included. */
    List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = words.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String original = term.toString();
                out.add(new Token(original, original.toLowerCase(java.util.Locale.ROOT)));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Lowercased, accent-folded words of the text, stop words included. */
    List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens(text)) {
            out.add(t.word());
        }
        return out;
    }

    boolean isStopWord(String word) {
        return stopWords.contains(word);
    }

    /** A content word: not a stop word, not a number, at least two letters. */
    boolean isContentWord(String word) {
        if (word.length() < 2 || stopWords.contains(word)) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    String stem(String word) {
        SnowballStemmer s = stemmer.get();
        s.setCurrent(word);
        s.stem();
        return s.getCurrent();
    }

    /** Stems of the content words of a text, in order (the categorizer's tokens). */
    List<String> contentStems(String text) {
        List<String> out = new ArrayList<>();
        for (String w : words(text)) {
            if (isContentWord(w)) {
                out.add(stem(w));
            }
        }
        return out;
    }

    Decompounder.Split split(String word) {
        return decompounder.split(word);
    }

    void close() {
        IOUtils.closeWhileHandlingException(words, stemmed, compound);
    }

    private static CharArraySet stopSet(String snowballFile, List<String> extra, List<String> fillers) {
        try (var in = SnowballFilter.class.getResourceAsStream(snowballFile)) {
            if (in == null) {
                throw new IllegalStateException("missing Lucene stop list " + snowballFile);
            }
            CharArraySet set = new CharArraySet(WordlistLoader.getSnowballWordSet(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)), false);
            set.addAll(extra);
            set.addAll(fillers);
            return CharArraySet.unmodifiableSet(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> stopWords(String language) {
        CharArraySet set = "en".equals(language) ? EN_STOP : NL_STOP;
        java.util.HashSet<String> out = new java.util.HashSet<>();
        for (Object o : set) {
            out.add(new String((char[]) o));
        }
        return out;
    }
}
