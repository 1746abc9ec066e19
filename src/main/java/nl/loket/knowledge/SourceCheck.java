package nl.loket.knowledge;

import java.time.Instant;

/**
 * The last check of an article's source link.
 *
 * @param url        the link that was checked (a result for another link than the article's source now does not count)
 * @param result     OK (the page answered 2xx or 3xx at the end of its redirects) or BROKEN
 * @param httpStatus the status of the last answer; null when there was none (connection refused, time-out)
 * @param problem    for a broken link without a status: {@code timeout} or {@code connection}; otherwise null
 * @param checkedAt  when it was checked
 */
record SourceCheck(String url, Result result, Integer httpStatus, String problem, Instant checkedAt) {

    enum Result { OK, BROKEN }

    /** What the editors' list and article page say: "OK", "werkt niet (404)", "werkt niet (time-out)". */
    String label() {
        return label(result, httpStatus, problem);
    }

    static String label(Result result, Integer httpStatus, String problem) {
        if (result == Result.OK) {
            return "OK";
        }
        String why = httpStatus != null ? String.valueOf(httpStatus) : "timeout".equals(problem) ? "time-out" : "geen verbinding";
        return "werkt niet (" + why + ")";
    }

    boolean broken() {
        return result == Result.BROKEN;
    }
}
