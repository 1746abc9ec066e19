package nl.loket.knowledge;

/** A draft's public id, {@code <article id>.<version>}, such as {@code nl-paspoort.3}. */
record DraftId(String articleId, int version) {

    static DraftId parse(String text) {
        int dot = text == null ? -1 : text.lastIndexOf('.');
        if (dot <= 0) {
            throw new UnknownArticleVersion(String.valueOf(text));
        }
        try {
            return new DraftId(text.substring(0, dot), Integer.parseInt(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new UnknownArticleVersion(text);
        }
    }

    @Override
    public String toString() {
        return articleId + "." + version;
    }
}
