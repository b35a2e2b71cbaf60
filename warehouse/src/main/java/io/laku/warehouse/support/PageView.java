package io.laku.warehouse.support;

import java.util.List;

/** One page of a list endpoint. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
