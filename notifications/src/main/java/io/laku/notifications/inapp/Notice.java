package io.laku.notifications.inapp;

/** What one person is told: a stable kind code the frontends switch on, a title and the message. */
public record Notice(String kind, String title, String message) {
}
