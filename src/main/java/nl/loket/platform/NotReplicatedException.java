package nl.loket.platform;

/** A write Redis has not confirmed on enough replicas in time: answered 503, the caller may retry. */
final class NotReplicatedException extends RuntimeException {

    NotReplicatedException(String message) {
        super(message);
    }
}
