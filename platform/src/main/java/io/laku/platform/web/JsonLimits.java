package io.laku.platform.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Limits on what a JSON request may hold, for every service: no text value longer than {@link #MAX_TEXT} characters
 * (far above any field's own limit; a longer one is a 400 before it reaches the database). Endpoints check their
 * fields' own, smaller limits.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    public static final int MAX_TEXT = 10_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_TEXT)
                .maxNestingDepth(64)
                .build());
    }
}
