package io.laku.platform.reactive;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** One step after the other: a reactive Hibernate session never runs two statements at once. */
public final class Sequence {

    private Sequence() {
    }

    public static <T> Uni<Void> inOrder(List<T> items, Function<? super T, ? extends Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
