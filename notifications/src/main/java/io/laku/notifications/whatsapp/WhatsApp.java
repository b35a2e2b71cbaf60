package io.laku.notifications.whatsapp;

/** The WhatsApp port: sends one text message. */
public interface WhatsApp {

    /**
     * @param to the recipient's number
     * @param text the message body
     * @return the provider's message id ({@code wamid....})
     * @throws WhatsAppException when the message was not accepted
     */
    String send(PhoneNumber to, String text);
}
