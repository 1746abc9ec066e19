package nl.loket.insight;

import nl.loket.platform.ProblemException;

/** The period asked for cannot be used: a date is malformed, {@code from} is after {@code to}, or it is too long. */
class InvalidDateRangeException extends ProblemException {

    InvalidDateRangeException(String parameter, String detail) {
        super(400, "Invalid date range", parameter, detail);
    }
}
