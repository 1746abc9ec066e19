package nl.loket.knowledge;

/** Told when a publish raised the store's release, to bring the instances onto it ({@link KnowledgePublisher}). */
interface ReleaseListener {

    void published(long release);
}
