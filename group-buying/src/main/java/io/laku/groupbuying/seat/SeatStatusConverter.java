package io.laku.groupbuying.seat;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a seat's status as its lower-case code (what the REST API shows). */
@Converter
public class SeatStatusConverter implements AttributeConverter<SeatStatus, String> {

    @Override
    public String convertToDatabaseColumn(SeatStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public SeatStatus convertToEntityAttribute(String code) {
        return code == null ? null : SeatStatus.ofCode(code);
    }
}
