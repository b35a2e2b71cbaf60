package io.laku.gateway;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The hosted payment page (the invoice_url): GET shows it, POST pays the invoice in full (or
 * {@code ?amount=} for a test of a wrong amount) and sends the PAID callback; {@code ?afterExpiry=true} pays an expired
 * invoice too (a transfer that arrived after the invoice expired).
 */
@Path("/pay/{id}")
public class PayPage {

    @Inject
    Gateway gateway;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@PathParam("id") String id) {
        Invoice invoice = gateway.find(id).orElseThrow(() -> InvoiceApi.error(404, "INVOICE_NOT_FOUND_ERROR", "Invoice not found"));
        return """
                <!doctype html><html><head><title>Laku pay (simulator)</title></head><body>
                <h1>Invoice %s</h1><p>%s</p><p>Rp %,d &middot; %s</p>
                <form method="post" action="/pay/%s"><button type="submit">Pay</button></form>
                </body></html>""".formatted(invoice.id(), invoice.description() == null ? "" : invoice.description(),
                invoice.amount(), invoice.status(), invoice.id());
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Invoice pay(@PathParam("id") String id, @QueryParam("amount") Long amount,
            @QueryParam("afterExpiry") boolean afterExpiry) {
        return gateway.pay(id, amount, afterExpiry)
                .orElseThrow(() -> InvoiceApi.error(404, "INVOICE_NOT_FOUND_ERROR", "Invoice not found"));
    }
}
