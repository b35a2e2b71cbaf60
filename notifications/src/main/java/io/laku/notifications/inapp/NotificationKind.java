package io.laku.notifications.inapp;

/** What a notice is about; stable codes the frontends switch on. */
public final class NotificationKind {

    public static final String SESSION_OPENED = "session_opened";

    private NotificationKind() {
    }
}
