package io.laku.groupbuying.grosir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GrosirRuleTest {

    static final ProductVariant S = new ProductVariant(PremiumHoodie.S, "S");
    static final ProductVariant M = new ProductVariant(PremiumHoodie.M, "M");
    static final ProductVariant L = new ProductVariant(PremiumHoodie.L, "L");
    static final ProductVariant XL = new ProductVariant(PremiumHoodie.XL, "XL");
    static final List<ProductVariant> HOODIE = List.of(S, M, L, XL);

    static final Map<UUID, Integer> BUNDLES = Map.of(S.id(), 2, M.id(), 5, L.id(), 4, XL.id(), 1);
    static final Map<UUID, Integer> TOLERANCES = Map.of(S.id(), 20, M.id(), 50, L.id(), 40, XL.id(), 30);

    @Test
    void aFullyConfiguredProductKeepsTheProductsVariantOrder() {
        GrosirRule rule = GrosirRule.of(HOODIE, BUNDLES, TOLERANCES);

        assertThat(rule).isEqualTo(new GrosirRule.Configured(PremiumHoodie.CONFIG));
    }

    @Test
    void aProductWithNoBundleConfigIsUnconstrained() {
        GrosirRule rule = GrosirRule.of(HOODIE, Map.of(), Map.of());

        assertThat(rule).isInstanceOf(GrosirRule.Unconstrained.class);
        assertThat(rule.checkJoin(M.id(), 10_000, Map.of(M.id(), 1_000_000L)).accepted()).isTrue();
    }

    @Test
    void aVariantWithABundleButNoToleranceIsAMisconfiguration() {
        Map<UUID, Integer> tolerances = Map.of(S.id(), 20, M.id(), 50, XL.id(), 30);

        GrosirRule rule = GrosirRule.of(HOODIE, BUNDLES, tolerances);

        assertThat(rule).isEqualTo(new GrosirRule.Misconfigured(L.id(), "L",
                "variant L has units per bundle but no warehouse tolerance"));
        assertThat(rule.checkJoin(S.id(), 1, Map.of())).isEqualTo(new JoinDecision.Misconfigured(L.id(), "L",
                "variant L has units per bundle but no warehouse tolerance"));
    }

    @Test
    void aVariantWithAToleranceButNoBundleIsAMisconfiguration() {
        Map<UUID, Integer> bundles = Map.of(S.id(), 2, M.id(), 5, L.id(), 4);

        assertThat(GrosirRule.of(HOODIE, bundles, TOLERANCES)).isEqualTo(new GrosirRule.Misconfigured(XL.id(), "XL",
                "variant XL has a warehouse tolerance but no units per bundle"));
    }

    @Test
    void aVariantLeftOutOfAConfiguredProductIsAMisconfiguration() {
        Map<UUID, Integer> bundles = Map.of(S.id(), 2, L.id(), 4, XL.id(), 1);
        Map<UUID, Integer> tolerances = Map.of(S.id(), 20, L.id(), 40, XL.id(), 30);

        assertThat(GrosirRule.of(HOODIE, bundles, tolerances)).isEqualTo(new GrosirRule.Misconfigured(M.id(), "M",
                "variant M has no units per bundle and no warehouse tolerance"));
    }

    @Test
    void theFirstMisconfiguredVariantInProductOrderIsNamed() {
        assertThat(GrosirRule.of(HOODIE, Map.of(XL.id(), 1), Map.of(S.id(), 20)))
                .extracting(r -> ((GrosirRule.Misconfigured) r).variantName()).isEqualTo("S");
    }

    @Test
    void aConfiguredProductJudgesJoinsOnItsAvailability() {
        GrosirRule rule = GrosirRule.of(HOODIE, BUNDLES, TOLERANCES);
        Map<UUID, Long> orders = PremiumHoodie.orders(0, 50, 0, 0);

        assertThat(rule.checkJoin(M.id(), 1, orders)).isEqualTo(new JoinDecision.Rejected(M.id(), "M", 1, 0));
        assertThat(rule.checkJoin(S.id(), 20, orders)).isEqualTo(new JoinDecision.Accepted());
    }

    @Test
    void quantitiesBelowOneAreRejectedWhateverTheConfig() {
        GrosirRule unconstrained = new GrosirRule.Unconstrained();
        GrosirRule configured = GrosirRule.of(HOODIE, BUNDLES, TOLERANCES);

        assertThatThrownBy(() -> unconstrained.checkJoin(M.id(), 0, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> configured.checkJoin(M.id(), -1, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfiguredProductRejectsAnUnknownVariant() {
        GrosirRule rule = GrosirRule.of(HOODIE, BUNDLES, TOLERANCES);
        UUID stranger = UUID.fromString("00000000-0000-0000-0000-0000000000ff");

        assertThatThrownBy(() -> rule.checkJoin(stranger, 1, Map.of())).isInstanceOf(UnknownVariantException.class);
    }

    @Test
    void configForAVariantTheProductDoesNotHaveIsRejected() {
        UUID stranger = UUID.fromString("00000000-0000-0000-0000-0000000000ff");

        assertThatThrownBy(() -> GrosirRule.of(List.of(S), Map.of(S.id(), 2, stranger, 1), Map.of(S.id(), 20)))
                .isInstanceOf(UnknownVariantException.class)
                .extracting(e -> ((UnknownVariantException) e).variantId()).isEqualTo(stranger);
    }

    @Test
    void unitsPerBundleBelowOneAreInvalidInputNamingTheVariant() {
        assertThatThrownBy(() -> GrosirRule.of(HOODIE, Map.of(M.id(), 0), Map.of()))
                .isInstanceOfSatisfying(InvalidGrosirConfigException.class, e -> {
                    assertThat(e.variantId()).isEqualTo(M.id());
                    assertThat(e.field()).isEqualTo("unitsPerBundle");
                    assertThat(e).hasMessage("unitsPerBundle of variant M must be >= 1, was 0");
                });
    }

    @Test
    void aNegativeToleranceIsInvalidInputNamingTheVariant() {
        assertThatThrownBy(() -> new VariantBundle(XL.id(), "XL", 1, -1))
                .isInstanceOfSatisfying(InvalidGrosirConfigException.class, e -> {
                    assertThat(e.variantName()).isEqualTo("XL");
                    assertThat(e.field()).isEqualTo("tolerance");
                    assertThat(e).hasMessage("tolerance of variant XL must be >= 0, was -1");
                });
    }

    @Test
    void aBundleConfigNeedsDistinctVariants() {
        assertThatThrownBy(BundleConfig::of).isInstanceOf(InvalidGrosirConfigException.class);
        assertThatThrownBy(() -> BundleConfig.of(new VariantBundle(S.id(), "S", 2, 20), new VariantBundle(S.id(), "S", 3, 20)))
                .isInstanceOf(InvalidGrosirConfigException.class)
                .hasMessage("variant S appears twice in the bundle config");
    }
}
