package io.laku.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.contracts.session.SessionCreated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    @Test
    void everySchemaFileIsInTheCatalogue() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("avro"))) {
            var declared = files.filter(f -> f.toString().endsWith(".avsc"))
                    .map(f -> {
                        try {
                            return new Schema.Parser().parse(f.toFile()).getFullName();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertThat(EventCatalog.schemas()).extracting(Schema::getFullName).containsExactlyInAnyOrderElementsOf(declared);
        }
    }

    @Test
    void aSessionEventGoesToTheSessionTopic() {
        assertThat(EventCatalog.aggregateOf(SessionCreated.class).topic()).isEqualTo("laku.session");
    }

    @Test
    void eachServicePublishesItsOwnAggregates() {
        assertThat(EventCatalog.schemasPublishedBy("group-buying")).extracting(Schema::getName)
                .contains("SessionCreated", "ParticipantJoined", "SessionConfirmed", "ProductConfigured")
                .doesNotContain("PaymentPaid");
        assertThat(EventCatalog.schemasPublishedBy("notifications")).isEmpty();
    }

    @Test
    void theSellerStoreEventsGoToTheirOwnersTopics() {
        assertThat(EventCatalog.aggregateOf(io.laku.contracts.seller.SellerVerified.class).topic()).isEqualTo("laku.seller");
        assertThat(EventCatalog.aggregateOf(io.laku.contracts.sellerstock.OrderStockReserved.class).topic())
                .isEqualTo("laku.seller-stock");
        assertThat(EventCatalog.aggregateOf(io.laku.contracts.order.StoreOrderPlaced.class).owner()).isEqualTo("order");
        assertThat(EventCatalog.aggregateOf(io.laku.contracts.payment.DirectPaymentPaid.class).owner()).isEqualTo("payment");
        assertThat(EventCatalog.schemasPublishedBy("seller")).extracting(Schema::getName).containsExactlyInAnyOrder(
                "SellerRegistered", "SellerVerified", "SellerSuspended", "SellerProductListed", "OrderStockReserved",
                "OrderStockRejected");
        assertThat(EventCatalog.schemasPublishedBy("settlement")).extracting(Schema::getName)
                .containsExactlyInAnyOrder("PayoutCompleted", "PayoutFailed");
    }

    @Test
    void anUncataloguedClassIsRefused() {
        assertThatThrownBy(() -> EventCatalog.aggregateOf(SpecificRecord.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the event catalogue");
    }

    @Test
    void moneyIsLongRupiah() {
        Schema schema = SessionCreated.getClassSchema();
        Stream.of("groupPrice", "priceTier25", "priceTier50", "priceTier75", "priceTier100")
                .forEach(field -> assertThat(schema.getField(field).schema().getType()).isEqualTo(Schema.Type.LONG));
    }
}
