package io.laku.notifications.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The production adapter: the WhatsApp Cloud API ({@code POST /{version}/{phone number id}/messages}).
 * Locally the same adapter talks to the gateway simulator, so tests exercise this code over HTTP.
 * It does not retry: {@link WhatsAppSender} owns the retry schedule, with every attempt on record.
 */
@ApplicationScoped
public class CloudApiWhatsApp implements WhatsApp {

    @Inject
    @RestClient
    WhatsAppCloudApi api;

    @ConfigProperty(name = "laku.whatsapp.api-version")
    String version;

    @ConfigProperty(name = "laku.whatsapp.phone-number-id")
    String phoneNumberId;

    @Override
    public String send(PhoneNumber to, String text) {
        WhatsAppCloudApi.MessageSent sent;
        try {
            sent = api.send(version, phoneNumberId, WhatsAppCloudApi.SendMessage.text(to.digits(), text));
        } catch (WhatsAppException e) {
            throw e;
        } catch (ProcessingException e) {
            throw new WhatsAppException("WhatsApp unreachable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new WhatsAppException("WhatsApp call failed: " + e, e);
        }
        if (sent == null || sent.messages() == null || sent.messages().isEmpty() || sent.messages().getFirst().id() == null) {
            throw new WhatsAppException(200, "WhatsApp answered without a message id", false);
        }
        return sent.messages().getFirst().id();
    }
}
