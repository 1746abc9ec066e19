package nl.loket.outreach;

import nl.loket.contact.Identity;

/** The channels a campaign can use, in the order it gives. */
enum NoticeChannel {
    SMS(Identity.Kind.PHONE), EMAIL(Identity.Kind.EMAIL);

    final Identity.Kind addressKind;

    NoticeChannel(Identity.Kind addressKind) {
        this.addressKind = addressKind;
    }
}
