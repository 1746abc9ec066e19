package nl.loket.knowledge;

import java.util.Optional;

/**
 * Trained topic models shared between Loket instances, by the digest of the labelled tokens they learned from. The
 * first instance to build a release trains and offers its model; the others load it instead of training the same model
 * again, so a publish switches every instance within seconds rather than after each one's own training.
 */
interface SharedModels {

    /** The serialised model trained on exactly these tokens, if an instance offered one. */
    Optional<byte[]> find(String digest);

    /** Offers a freshly trained model to the other instances. */
    void offer(String digest, byte[] model);

    /** Reads what others offered but offers nothing itself: for a candidate that is never published as it is. */
    default SharedModels readOnly() {
        SharedModels shared = this;
        return new SharedModels() {
            @Override
            public Optional<byte[]> find(String digest) {
                return shared.find(digest);
            }

            @Override
            public void offer(String digest, byte[] model) {
            }
        };
    }

    /** Nothing shared: a single process, or a test without Redis. */
    SharedModels NONE = new SharedModels() {
        @Override
        public Optional<byte[]> find(String digest) {
            return Optional.empty();
        }

        @Override
        public void offer(String digest, byte[] model) {
        }
    };
}
