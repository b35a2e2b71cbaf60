package io.laku.groupbuying.session;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the status as the SPEC's lower-case code (what the REST API and the events show). */
@Converter
public class SessionStatusConverter implements AttributeConverter<SessionStatus, String> {

    @Override
    public String convertToDatabaseColumn(SessionStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public SessionStatus convertToEntityAttribute(String code) {
        return code == null ? null : SessionStatus.ofCode(code);
    }
}
