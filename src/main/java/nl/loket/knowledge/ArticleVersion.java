package nl.loket.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * One saved version of an article: its full content, never changed once stored. A change is a new version; what
 * happened to a version later (approved, published, superseded) is recorded beside it, not in it.
 *
 * @param number       1, 2, 3 … per article, in the order saved
 * @param kind         how the version came about
 * @param article      the whole article as it reads in this version
 * @param author       who saved it (the editor's login; {@code import} for the seed from the Markdown files)
 * @param savedAt      when
 * @param changed      the fields that differ from the version it was based on (all of them for a new article)
 * @param note         the editor's own words on the change, may be empty
 * @param basedOn      the published version the editor started from, null for a new article
 * @param rolledBackTo for a {@link Kind#ROLLBACK}: the earlier version whose content it restores
 */
record ArticleVersion(int number, Kind kind, Article article, String author, Instant savedAt, List<String> changed,
                      String note, Integer basedOn, Integer rolledBackTo) {

    enum Kind {
        /** Seeded from the Markdown files when the store was empty; published as it was. */
        IMPORT,
        /** An editor's change, published only after another editor approves it. */
        DRAFT,
        /** The content of an earlier published version, published again by an editor. */
        ROLLBACK,
        /**
         * Taking the article offline: proposed by one editor (with the last live content, for the record), done only
         * when another approves it. Publishing a draft or rolling back brings the article back.
         */
        WITHDRAWAL
    }

    ArticleVersion {
        changed = changed == null ? List.of() : List.copyOf(changed);
        note = note == null ? "" : note;
    }

    /** A draft is named by its article and version: {@code nl-paspoort.3} (a dot never occurs in an article id). */
    String draftId() {
        return article.id() + "." + number;
    }
}
