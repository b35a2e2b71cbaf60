package io.laku.groupbuying.session;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A variant of a session's product with the grosir config the session opened with: units per bundle and warehouse
 * tolerance, copied when the session is created. An admin changing the product's config later changes the sessions
 * opened after that, never this one.
 */
@Entity
@Table(name = "session_variant")
@IdClass(SessionVariant.Key.class)
public class SessionVariant extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id
    @Column(name = "variant_id")
    public UUID variantId;

    public String name;

    public int position;

    @Column(name = "units_per_bundle")
    public Integer unitsPerBundle;

    public Integer tolerance;

    public static Uni<List<SessionVariant>> ofSession(UUID sessionId) {
        return find("sessionId = ?1 order by position", sessionId).list();
    }

    public static class Key implements Serializable {
        public UUID sessionId;
        public UUID variantId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sessionId, k.sessionId) && Objects.equals(variantId, k.variantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, variantId);
        }
    }
}
