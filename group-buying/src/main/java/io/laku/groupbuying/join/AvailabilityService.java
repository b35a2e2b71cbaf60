package io.laku.groupbuying.join;

import io.laku.groupbuying.grosir.GrosirAllocation;
import io.laku.groupbuying.grosir.GrosirRule;
import io.laku.groupbuying.grosir.VariantAvailability;
import io.laku.groupbuying.session.GrosirRules;
import io.laku.groupbuying.session.Session;
import io.laku.groupbuying.session.SessionVariant;
import io.laku.groupbuying.tally.Tally;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SPEC §3's availability of a session's variants, from the live tally and the config the session opened with. */
@ApplicationScoped
public class AvailabilityService {

    @WithSession
    public Uni<List<AvailabilityView>> all(UUID sessionId) {
        return Session.<Session>findById(sessionId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId))
                .chain(session -> SessionVariant.ofSession(sessionId)
                        .chain(variants -> Tally.of(sessionId).map(tally -> compute(variants, Tally.orders(tally)))));
    }

    @WithSession
    public Uni<AvailabilityView> one(UUID sessionId, UUID variantId) {
        return all(sessionId).map(views -> views.stream().filter(v -> v.variantId().equals(variantId)).findFirst()
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found", "variant " + variantId
                        + " is not a variant of this session's product", "variantId", null)));
    }

    static List<AvailabilityView> compute(List<SessionVariant> variants, Map<UUID, Long> orders) {
        GrosirRule rule = GrosirRules.of(variants);
        List<AvailabilityView> views = new ArrayList<>();
        switch (rule) {
            case GrosirRule.Unconstrained u -> variants.forEach(v -> views.add(
                    AvailabilityView.unconstrained(v.variantId, v.name, orders.getOrDefault(v.variantId, 0L))));
            case GrosirRule.Misconfigured m -> throw JoinService.misconfigured(m.variantId(), m.variantName(), m.problem());
            case GrosirRule.Configured c -> {
                GrosirAllocation allocation = c.allocate(orders);
                for (VariantAvailability a : allocation.variants()) {
                    String constraining = a.constrainingVariant() == null ? null : variants.stream()
                            .filter(v -> v.variantId.equals(a.constrainingVariant())).map(v -> v.name).findFirst()
                            .orElse(null);
                    views.add(AvailabilityView.of(a, constraining));
                }
            }
        }
        return views;
    }
}
