package nl.loket.assistant;

/**
 * The language of a resident's message.
 *
 * @param code       ISO 639-1 where one exists ("nl", "en", "ti"), else the model's ISO 639-3 code
 * @param confidence the winner's share of the contest with the runner-up, 0..1 (0.5 is a tie); not the
 *                   model's raw probability, which is 0.01-0.05 on short texts and means little
 * @param confident  whether the code is reliable enough to act on; Dutch by default is never confident
 */
record DetectedLanguage(String code, double confidence, boolean confident) {

    static final String DUTCH = "nl";
    static final String ENGLISH = "en";
}
